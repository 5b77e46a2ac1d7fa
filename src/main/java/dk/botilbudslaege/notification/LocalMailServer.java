package dk.botilbudslaege.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMTP server of the local mode (issue 14): GreenMail on 127.0.0.1, started with the application when no
 * {@code spring.mail.host} is configured, as the embedded PostgreSQL is when no database URL is. The application's
 * mail goes here and is caught, never sent out; the page {@code /mails} shows what was sent. Tests read the
 * received messages here, and stop and start it to play a mail server that is away.
 */
public class LocalMailServer {

    private static final Logger log = LoggerFactory.getLogger(LocalMailServer.class);

    private GreenMail greenMail;
    private int port;

    /** Starts on the port given, 0 for any free port. */
    LocalMailServer(int port) {
        this.port = port;
        start();
    }

    /** Starts (again): on the port it had, so the application's mail sender finds it there. */
    public synchronized void start() {
        if (greenMail != null) {
            return;
        }
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        if (port == 0) {
            setup = setup.dynamicPort();
        }
        GreenMail server = new GreenMail(setup);
        server.start();
        port = server.getSmtp().getPort();
        greenMail = server;
        log.info("Local mode: mail is caught by the built-in mail server on 127.0.0.1:{} and not sent out", port);
    }

    /** Stops, as a mail server that is away. */
    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public synchronized boolean running() {
        return greenMail != null;
    }

    public synchronized int port() {
        return port;
    }

    /** The messages received since it last started. */
    public synchronized List<MimeMessage> received() {
        return greenMail == null ? List.of() : List.of(greenMail.getReceivedMessages());
    }
}
