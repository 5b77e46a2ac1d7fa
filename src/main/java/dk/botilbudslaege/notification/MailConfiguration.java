package dk.botilbudslaege.notification;

import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Where mail goes. With {@code spring.mail.host} (SPRING_MAIL_HOST, production) Spring Boot makes the
 * {@code JavaMailSender} from the {@code spring.mail.*} settings and this configuration adds nothing. Without it
 * (the local mode and the tests) the built-in {@link LocalMailServer} starts on 127.0.0.1, port
 * {@code botilbud.local-mail.port} (default 3025, 0 for any free port), and the application's mail sender points
 * at it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(MailConfiguration.LocalMail.class)
class MailConfiguration {

    /** True when no SMTP server is configured. */
    static class LocalMail implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String host = context.getEnvironment().getProperty("spring.mail.host");
            String jndi = context.getEnvironment().getProperty("spring.mail.jndi-name");
            return (host == null || host.isBlank()) && (jndi == null || jndi.isBlank());
        }
    }

    @Bean(destroyMethod = "stop")
    LocalMailServer localMailServer(@Value("${botilbud.local-mail.port:3025}") int port) {
        return new LocalMailServer(port);
    }

    @Bean
    JavaMailSenderImpl localJavaMailSender(LocalMailServer server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.port());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = sender.getJavaMailProperties();
        properties.setProperty("mail.smtp.connectiontimeout", "2000");
        properties.setProperty("mail.smtp.timeout", "5000");
        properties.setProperty("mail.smtp.writetimeout", "5000");
        return sender;
    }
}
