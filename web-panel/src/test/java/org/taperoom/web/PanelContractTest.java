package org.taperoom.web;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.taperoom.appliance.control.ControlEvent;
import org.taperoom.appliance.control.InputArming;
import org.taperoom.appliance.control.PassRecorder;
import org.taperoom.appliance.control.TempoListener;
import org.taperoom.appliance.control.Transport;
import org.taperoom.appliance.control.TransportState;
import org.taperoom.appliance.control.TransportView;
import org.taperoom.appliance.recording.capture.MeterSnapshot;
import org.taperoom.appliance.recording.engine.EngineException;
import org.taperoom.appliance.recording.engine.Recorder;
import org.taperoom.appliance.recording.engine.RecorderListener;
import org.taperoom.appliance.recording.engine.RecorderStatus;
import org.taperoom.appliance.recording.engine.TakeRequest;
import org.taperoom.appliance.song.AtomicFile;
import org.taperoom.drivers.audio.AudioDeviceException;
import org.taperoom.drivers.audio.InputGain;

/**
 * The web panel uses the appliance only through the panel contract: the {@code panel} package and
 * the types its {@code PanelContext} hands over (the README's Architecture section lists them).
 */
class PanelContractTest {

    @Test
    void theWebPanelUsesTheApplianceOnlyThroughThePanelContract() {
        JavaClasses web = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.taperoom.web");
        assertTrue(web.containPackage("org.taperoom.web.api"), "the panel's classes were imported");
        classes().that().resideInAPackage("org.taperoom.web..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.taperoom..")
                        .or(resideInAnyPackage(
                                "org.taperoom.web..",
                                // the contract itself
                                "org.taperoom.appliance.panel..",
                                // what PanelContext hands over: the configuration, the take library,
                                // the render jobs and the DSP's settings and figures
                                "org.taperoom.appliance.config..",
                                "org.taperoom.appliance.recording.take..",
                                "org.taperoom.appliance.dsp..",
                                // the one WAV package, to read the take files (waveforms)
                                "org.taperoom.appliance.wav..",
                                // the playback engine's control side (play, seek, stop, status), opened by panel/PanelPlayback
                                "org.taperoom.appliance.playback..",
                                // the service's publisher: its figures, queue, retry and cancel (PanelContext.uploads)
                                "org.taperoom.appliance.publish..",
                                // the live tuner on the recorder's ring (start, stop, readings)
                                "org.taperoom.appliance.tuner..",
                                // song sheets (ChordPro, transposition) and the songs that own them
                                "org.taperoom.appliance.sheet..",
                                "org.taperoom.appliance.music..",
                                // songs: their library, documents and arrangements (a pass is recorded through the transport)
                                "org.taperoom.appliance.song.."))
                        // the transport, the recorder's read side and the input gains
                        .or(belongToAnyOf(Transport.class, TransportView.class, TransportState.class, ControlEvent.class,
                                // what a pass over a song asks of the transport (its punch region); a tempo tapped on the front panel
                                PassRecorder.class, TempoListener.class, org.taperoom.appliance.control.PassListener.class,
                                InputArming.class, Recorder.class, RecorderStatus.class, RecorderListener.class, TakeRequest.class,
                                EngineException.class, MeterSnapshot.class, InputGain.class,
                                // what the playback engine's control side throws when the output will not open
                                AudioDeviceException.class,
                                // the one way a small document is replaced crash-safely (the school's students)
                                AtomicFile.class)))
                .as("the web panel uses the appliance only through the panel contract")
                .check(web);
    }
}
