package org.taperoom.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class its {@link PanelRig}: a {@code static PanelRig} field gets one rig for the
 * whole class (started before the class's own {@code @BeforeAll} methods, closed after its
 * {@code @AfterAll} ones); an instance field gets a fresh rig per test (for tests that change
 * global state such as the PIN). {@link Channels} sets the simulated interface's inputs.
 */
public final class PanelRigExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    /** Inputs of the simulated interface (2 without it); {@code simGain} hands its gain controls to the panel. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Channels {
        int value();

        boolean simGain() default false;

        /** The simulated device's name, e.g. {@code sim:sine=440.5} or {@code sim:loopback=0} (outputs heard at the inputs, streams counting from one start). */
        String device() default "sim";
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Field f = rigField(context.getRequiredTestClass());
        if (Modifier.isStatic(f.getModifiers())) f.set(null, newRig(context.getRequiredTestClass()));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Field f = rigField(context.getRequiredTestClass());
        if (Modifier.isStatic(f.getModifiers())) close(f, null);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Field f = rigField(context.getRequiredTestClass());
        if (!Modifier.isStatic(f.getModifiers())) f.set(context.getRequiredTestInstance(), newRig(context.getRequiredTestClass()));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Field f = rigField(context.getRequiredTestClass());
        if (!Modifier.isStatic(f.getModifiers())) close(f, context.getRequiredTestInstance());
    }

    private static PanelRig newRig(Class<?> testClass) throws Exception {
        Channels c = testClass.getAnnotation(Channels.class);
        return c == null ? new PanelRig() : new PanelRig(c.value(), c.simGain(), c.device());
    }

    private static void close(Field f, Object instance) throws Exception {
        PanelRig rig = (PanelRig) f.get(instance);
        if (rig != null) rig.close();
        f.set(instance, null);
    }

    private static Field rigField(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() == PanelRig.class) {
                    f.setAccessible(true);
                    return f;
                }
            }
        }
        throw new IllegalStateException(testClass.getSimpleName() + " uses PanelRigExtension but has no PanelRig field");
    }
}
