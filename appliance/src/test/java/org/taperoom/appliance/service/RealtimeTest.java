package org.taperoom.appliance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.taperoom.appliance.service.libc.Libc;
import org.taperoom.appliance.service.libc.SockaddrUn;

class RealtimeTest {

    @Test
    void onlyTheCallingThreadBecomesFifoOrTheRefusalIsOneSentence() throws Exception {
        AtomicReference<String> refusal = new AtomicReference<>();
        AtomicReference<Boolean> fifo = new AtomicReference<>();
        Thread capture = Thread.ofPlatform().start(() -> {
            refusal.set(Realtime.raiseCallingThread(10));
            fifo.set(Realtime.callingThreadIsFifo());
        });
        capture.join();
        if (refusal.get() == null) {
            assertTrue(fifo.get(), "raise said yes but the thread is not SCHED_FIFO");
        } else {
            // Not allowed here (no CAP_SYS_NICE and RLIMIT_RTPRIO 0): the answer says what to change.
            System.out.println("RealtimeTest: " + refusal.get());
            assertFalse(fifo.get());
            assertTrue(refusal.get().startsWith("real-time priority 10 refused"), refusal.get());
        }
        assertFalse(Realtime.callingThreadIsFifo(), "the test's own thread must keep the normal policy");
    }

    @Test
    void aRefusalForLackOfPermissionNamesTheLimitToRaise() {
        Libc refusing = new Libc() {
            public int socket(int domain, int type, int protocol) { return -1; }
            public int bind(int sockfd, SockaddrUn addr, int addrlen) { return -1; }
            public NativeLong sendto(int sockfd, byte[] buf, NativeLong len, int flags, SockaddrUn addr, int addrlen) { return new NativeLong(-1); }
            public NativeLong recv(int sockfd, byte[] buf, NativeLong len, int flags) { return new NativeLong(-1); }
            public int close(int fd) { return 0; }
            public int sched_setscheduler(int pid, int policy, int[] param) { throw new LastErrorException(Libc.EPERM); }
            public int sched_getscheduler(int pid) { return Libc.SCHED_OTHER; }
            public String strerror(int errnum) { return Libc.LIBC.strerror(errnum); }
        };
        String why = Realtime.raiseCallingThread(refusing, 70);
        assertEquals("real-time priority 70 refused (Operation not permitted): raise LimitRTPRIO in taperoom.service"
                + " or add the user to a group with an rtprio limit", why);
    }
}
