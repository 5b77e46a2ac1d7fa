package dk.botilbudslaege.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * i19-misc: a request Tomcat refuses before the application sees it (here a request line of 9 KB, over Tomcat's
 * 8 KB limit) gets a plain Danish page, not Tomcat's English "HTTP Status 400 – Bad Request", and the page names no
 * server or version.
 */
@IntegrationTest
class TomcatErrorPagesTest {

    @LocalServerPort
    int port;

    @Test
    void a_request_line_over_the_limit_gets_a_plain_danish_page() throws IOException {
        String answer = send("GET /hours?municipality=" + "a".repeat(9_000) + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(head).containsIgnoringCase("Content-Type: text/html;charset=UTF-8");
        assertThat(head).containsIgnoringCase("Content-Language: da");
        assertThat(body)
                .contains(
                        "<html lang=\"da\">", "Noget er galt med forespørgslen", "Forespørgslen kunne ikke behandles.")
                .doesNotContainIgnoringCase("HTTP Status")
                .doesNotContainIgnoringCase("Bad Request")
                .doesNotContainIgnoringCase("tomcat")
                .doesNotContainIgnoringCase("apache");
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
