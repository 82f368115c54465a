package org.taperoom.appliance.service.libc;

import com.sun.jna.Structure;
import java.nio.charset.StandardCharsets;

/**
 * {@code struct sockaddr_un { sa_family_t sun_family; char sun_path[108]; }} (Linux).
 *
 * <p>A name starting with {@code @} is an abstract socket name (systemd's convention for
 * {@code NOTIFY_SOCKET}): the {@code @} becomes a NUL byte and the address length counts exactly
 * the name's bytes, with no terminating NUL. Any other name is a file system path, NUL-terminated.
 */
@Structure.FieldOrder({"sun_family", "sun_path"})
public final class SockaddrUn extends Structure {
    /** {@code sizeof(sun_path)} on Linux. */
    public static final int PATH_BYTES = 108;
    /** {@code offsetof(struct sockaddr_un, sun_path)}: after the 2-byte {@code sa_family_t}. */
    public static final int PATH_OFFSET = 2;

    public short sun_family;
    public byte[] sun_path = new byte[PATH_BYTES];

    /** The {@code addrlen} to pass with this address to {@code bind}/{@code sendto}. */
    private final int length;

    public SockaddrUn(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        boolean isAbstract = bytes.length > 0 && bytes[0] == '@';
        int needed = isAbstract ? bytes.length : bytes.length + 1;
        if (bytes.length == 0 || needed > PATH_BYTES) {
            throw new IllegalArgumentException("socket name '" + name + "': expected 1 to " + (PATH_BYTES - 1) + " bytes");
        }
        sun_family = (short) Libc.AF_UNIX;
        System.arraycopy(bytes, 0, sun_path, 0, bytes.length);
        if (isAbstract) sun_path[0] = 0;
        length = PATH_OFFSET + needed;
        write();
    }

    /** The {@code socklen_t addrlen} for this address. */
    public int length() {
        return length;
    }
}
