package org.taperoom.drivers.alsa;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The few libc calls the capture thread needs to ask for real-time scheduling, direct-mapped with
 * their C names. {@code pid_t} is a C {@code int}; {@code struct sched_param} is one {@code int}
 * (its {@code sched_priority}), passed as a pointer to 4 bytes.
 */
final class Libc {
    static {
        Native.register(Libc.class, "c");
    }

    /** Linux scheduling policies (sched.h). */
    static final int SCHED_OTHER = 0;
    static final int SCHED_FIFO = 1;
    /** {@code SYS_gettid} differs per architecture; {@link #currentTid()} uses it. */
    static final long SYS_GETTID_X86_64 = 186;
    static final long SYS_GETTID_AARCH64 = 178;
    static final long SYS_GETTID_ARM = 224;
    static final long SYS_GETTID_I386 = 224;

    private Libc() {}

    /** {@code int sched_setscheduler(pid_t pid, int policy, const struct sched_param *param)}; -1 and errno on failure. */
    static native int sched_setscheduler(int pid, int policy, Pointer param);

    /** {@code int sched_getscheduler(pid_t pid)}. */
    static native int sched_getscheduler(int pid);

    /** {@code int sched_get_priority_max(int policy)}. */
    static native int sched_get_priority_max(int policy);

    /** {@code long syscall(long number, ...)}, called with no further arguments. */
    static native NativeLong syscall(NativeLong number);

    /** The kernel thread id of the calling thread ({@code gettid()}, which glibc before 2.30 lacks). */
    static int currentTid() {
        String arch = System.getProperty("os.arch");
        long nr = switch (arch) {
            case "amd64", "x86_64" -> SYS_GETTID_X86_64;
            case "aarch64", "arm64" -> SYS_GETTID_AARCH64;
            case "arm" -> SYS_GETTID_ARM;
            case "x86", "i386", "i686" -> SYS_GETTID_I386;
            default -> -1;
        };
        if (nr < 0) return -1;
        return syscall(new NativeLong(nr)).intValue();
    }
}
