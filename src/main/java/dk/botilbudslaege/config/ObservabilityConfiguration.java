package dk.botilbudslaege.config;

import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.task.TaskDecorator;

/**
 * Issue 17 item 4: the request id ({@link RequestIdFilter}) first of all filters, and carried into work handed to
 * Spring's task executor: the listeners after commit ({@code @ApplicationModuleListener}, asynchronous) log with the
 * id of the request whose change they handle. Scheduled jobs (the mail sender, digests, event retries) run outside
 * any request and carry none.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(
                DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC, DispatcherType.FORWARD);
        return registration;
    }

    /** i18-misc: the metrics endpoint in the text formats only (the protobuf exposition is not in the jar). */
    @Bean
    FilterRegistrationBean<TextMetricsFilter> textMetricsFilter() {
        FilterRegistrationBean<TextMetricsFilter> registration = new FilterRegistrationBean<>(new TextMetricsFilter());
        registration.addUrlPatterns(TextMetricsFilter.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Copies the caller's MDC (the request id) to the task, and restores the worker thread's afterwards. */
    @Bean
    TaskDecorator mdcTaskDecorator() {
        return task -> {
            Map<String, String> caller = MDC.getCopyOfContextMap();
            return () -> {
                Map<String, String> own = MDC.getCopyOfContextMap();
                if (caller == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(caller);
                }
                try {
                    task.run();
                } finally {
                    if (own == null) {
                        MDC.clear();
                    } else {
                        MDC.setContextMap(own);
                    }
                }
            };
        };
    }
}
