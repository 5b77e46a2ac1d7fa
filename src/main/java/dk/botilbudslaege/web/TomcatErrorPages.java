package dk.botilbudslaege.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * i19-misc: Tomcat's own error pages (a request refused before the application sees it) are the plain Danish
 * {@link PlainErrorReportValve}: it replaces the host's error report valve, Spring Boot's among them (its customizer
 * runs first, this one last).
 */
@Component
class TomcatErrorPages implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            var host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new PlainErrorReportValve());
            if (host instanceof StandardHost standard) {
                // else the host adds Tomcat's own valve at its start, behind this one, and that one answers first
                standard.setErrorReportValveClass(PlainErrorReportValve.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
