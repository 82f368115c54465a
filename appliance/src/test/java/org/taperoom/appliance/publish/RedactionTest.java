package org.taperoom.appliance.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever rclone says passes through the redaction before a log or a panel sees it. */
class RedactionTest {
    @Test
    void secretsOfTheConfigurationAreMaskedInAnyText(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("rclone.conf");
        Files.writeString(config, """
                [school-s3]
                type = s3
                access_key_id = taperoom-access
                secret_access_key = s3cr3t-Kx9vQ2mZ7pL4
                endpoint = http://127.0.0.1:9000

                [nas]
                type = webdav
                user = teacher
                pass = Zm9vYmFyYmF6cXV4
                """);
        Redaction r = Redaction.of(config);
        String said = r.clean("Failed to copy: SignatureDoesNotMatch for s3cr3t-Kx9vQ2mZ7pL4 (id taperoom-access) at "
                + "http://127.0.0.1:9000; webdav teacher:Zm9vYmFyYmF6cXV4");
        assertEquals("Failed to copy: SignatureDoesNotMatch for [redacted] (id [redacted]) at http://127.0.0.1:9000; webdav "
                + "[redacted]:[redacted]", said);
        assertFalse(said.contains("s3cr3t"));
    }
}
