package org.taperoom.appliance.publish;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * Real remotes on loopback for the publishing tests: s3proxy (an S3 API over a folder, with
 * signature checks) and rclone's own WebDAV server; and the rclone configuration naming them.
 */
public final class Remotes implements AutoCloseable {
    public static final String ACCESS_KEY = "taperoom-access";
    public static final String SECRET_KEY = "s3cr3t-Kx9vQ2mZ7pL4";
    public final Path s3Folder;
    public final Path davFolder;
    public final Path config;
    private final BlobStoreContext blobs;
    private final S3Proxy s3;
    private final Process dav;
    private final Process readOnlyDav;

    public Remotes(Path dir) throws Exception {
        s3Folder = Files.createDirectories(dir.resolve("s3-store"));
        davFolder = Files.createDirectories(dir.resolve("dav-store"));
        Path roFolder = Files.createDirectories(dir.resolve("ro-store"));
        Properties props = new Properties();
        props.setProperty("jclouds.filesystem.basedir", s3Folder.toString());
        blobs = ContextBuilder.newBuilder("filesystem").overrides(props).build(BlobStoreContext.class);
        blobs.getBlobStore().createContainerInLocation(null, "recordings");
        s3 = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        s3.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"STARTED".equals(s3.getState()) && System.currentTimeMillis() < deadline) Thread.sleep(20);
        int davPort = freePort();
        int roPort = freePort();
        dav = serveWebdav(davFolder, davPort, false);
        readOnlyDav = serveWebdav(roFolder, roPort, true);
        waitForPort(davPort);
        waitForPort(roPort);
        config = dir.resolve("rclone.conf");
        Files.writeString(config, """
                [school-s3]
                type = s3
                provider = Other
                access_key_id = %s
                secret_access_key = %s
                endpoint = http://127.0.0.1:%d
                region = us-east-1
                force_path_style = true

                [nas]
                type = webdav
                url = http://127.0.0.1:%d
                vendor = rclone

                [full-nas]
                type = webdav
                url = http://127.0.0.1:%d
                vendor = rclone
                """.formatted(ACCESS_KEY, SECRET_KEY, s3.getPort(), davPort, roPort));
    }

    /** {@code rclone serve webdav} of {@code folder} on loopback {@code port}; wait for it with {@link #waitForPort}. */
    public static Process serveWebdav(Path folder, int port, boolean readOnly) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of("rclone", "serve", "webdav", folder.toString(), "--addr", "127.0.0.1:" + port,
                "--config", "/dev/null"));
        if (readOnly) cmd.add("--read-only");
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public static void waitForPort(int port) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IOException("rclone serve webdav did not listen on " + port);
    }

    /** The object files s3proxy stored in the bucket, by key. */
    public Path s3Object(String key) {
        return s3Folder.resolve("recordings").resolve(key);
    }

    @Override
    public void close() throws Exception {
        dav.destroy();
        readOnlyDav.destroy();
        s3.stop();
        blobs.close();
    }
}
