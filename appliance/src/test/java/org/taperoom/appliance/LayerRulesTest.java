package org.taperoom.appliance;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of {@code drivers} and {@code appliance}, one sentence per group (the README's
 * Architecture section says the same). A dependency that breaks one fails the build with the
 * classes and lines that break it. Test code is not held to them.
 */
class LayerRulesTest {
    private static final String DRIVERS = "org.taperoom.drivers..";
    private static final String WAV = "org.taperoom.appliance.wav..";
    private static final String RECORDING = "org.taperoom.appliance.recording..";
    private static final String CONFIG = "org.taperoom.appliance.config..";
    private static final String DSP = "org.taperoom.appliance.dsp..";
    private static final String CONTROL = "org.taperoom.appliance.control..";
    private static final String PANEL = "org.taperoom.appliance.panel..";
    private static final String PLAYBACK = "org.taperoom.appliance.playback..";
    private static final String MUSIC = "org.taperoom.appliance.music..";
    private static final String[] SHELL = {"org.taperoom.appliance.service..", "org.taperoom.appliance.cli..", "org.taperoom.appliance.device.."};

    private static JavaClasses ours;

    @BeforeAll
    static void importOurClasses() {
        ours = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.taperoom.drivers", "org.taperoom.appliance");
        // Rules over nothing would pass: make sure both modules' classes are here.
        assertTrue(ours.containPackage("org.taperoom.drivers.alsa") && ours.containPackage("org.taperoom.appliance.recording.engine"),
                "the drivers' and the appliance's classes were imported");
    }

    /** Classes of ours in {@code packages}, or anything that is not ours (the JDK, libraries). */
    private static DescribedPredicate<JavaClass> onlyOursIn(String... packages) {
        return resideOutsideOfPackage("org.taperoom..").or(resideInAnyPackage(packages));
    }

    private static void check(ArchRule rule) {
        rule.check(ours);
    }

    @Test
    void theDriversKnowNothingOfOurs() {
        check(classes().that().resideInAPackage(DRIVERS)
                .should().onlyDependOnClassesThat(onlyOursIn(DRIVERS))
                .as("the drivers know nothing of ours"));
    }

    @Test
    void theWavPackageKnowsOnlyTheDrivers() {
        check(classes().that().resideInAPackage(WAV)
                .should().onlyDependOnClassesThat(onlyOursIn(WAV, DRIVERS))
                .as("the WAV package (chunks, headers, the take files' writes) knows only the drivers"));
    }

    @Test
    void theRecordingPathKnowsOnlyTheDriversAndTheWavPackage() {
        check(classes().that().resideInAPackage(RECORDING)
                .should().onlyDependOnClassesThat(onlyOursIn(RECORDING, WAV, DRIVERS))
                .as("the recording path (capture, ring, writer, take, recover, engine, rolling) knows only the drivers and the WAV package"));
    }

    @Test
    void playbackKnowsOnlyTheDriversTheDspHalfAndTheRingAndTakeValueTypes() {
        check(classes().that().resideInAPackage(PLAYBACK)
                .should().onlyDependOnClassesThat(onlyOursIn(PLAYBACK, DRIVERS, WAV, DSP,
                        "org.taperoom.appliance.recording.ring..", "org.taperoom.appliance.recording.take.."))
                .allowEmptyShould(true)
                .as("playback knows only the drivers, the WAV package, the DSP half and the recording path's ring and take value types"));
    }

    @Test
    void theDspHalfKnowsOnlyTheDriversTheWavPackageAndTheConfiguration() {
        check(classes().that().resideInAPackage(DSP)
                .should().onlyDependOnClassesThat(onlyOursIn(DSP, WAV, DRIVERS, CONFIG, MUSIC))
                .as("the DSP half (audiofile, loudness, mix, master, settings, render, export, analysis, pitch, resample, release) "
                        + "knows only the drivers, the WAV package, the configuration and music theory: neither the recording engine "
                        + "nor control nor the panel"));
    }

    @Test
    void publishingKnowsOnlyTheTakeLibrary() {
        check(classes().that().resideInAPackage("org.taperoom.appliance.publish..")
                .should().onlyDependOnClassesThat(onlyOursIn("org.taperoom.appliance.publish..", "org.taperoom.appliance.recording.take.."))
                .as("publishing (queue, rclone, retention) knows only the take library: it reads files, never the engine or the shell"));
    }

    @Test
    void musicTheoryKnowsNoneOfOurPackages() {
        check(classes().that().resideInAPackage(MUSIC)
                .should().onlyDependOnClassesThat(onlyOursIn(MUSIC))
                .as("music theory (keys, notes, chord spelling) knows none of our other packages"));
    }

    @Test
    void theConfigurationKnowsNoneOfOurPackages() {
        check(classes().that().resideInAPackage(CONFIG)
                .should().onlyDependOnClassesThat(onlyOursIn(CONFIG))
                .as("the configuration knows none of our other packages"));
    }

    @Test
    void controlSitsAboveTheRecordingPathAndKnowsNothingAboveItself() {
        check(classes().that().resideInAPackage(CONTROL)
                .should().onlyDependOnClassesThat(onlyOursIn(CONTROL, RECORDING, CONFIG, DRIVERS))
                .as("control knows only the recording path, the configuration and the drivers"));
    }

    @Test
    void thePanelContractKnowsNothingOfTheShell() {
        check(noClasses().that().resideInAPackage(PANEL)
                .should().dependOnClassesThat().resideInAnyPackage(SHELL)
                .as("the panel contract knows nothing of the shell (service, cli, device)"));
    }

    @Test
    void onlyTheShellKnowsTheShell() {
        check(noClasses().that(not(resideInAnyPackage(SHELL)))
                .should().dependOnClassesThat().resideInAnyPackage(SHELL)
                .as("only the shell (service, cli, device) knows the shell: it sits on top"));
    }

    @Test
    void noPackageIsInACycle() {
        check(slices().matching("org.taperoom.(**)").should().beFreeOfCycles()
                .as("no two packages know each other, directly or around a cycle"));
    }
}
