package dk.botilbudslaege.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.module.SimpleModule;

/** Wires the input checks of issue 10 (items 6 and 7): {@link ParameterChecks} and {@link JsonFieldProblems}. */
@Configuration(proxyBeanMethods = false)
class InputConfiguration implements WebMvcConfigurer {

    @Bean
    JsonMapperBuilderCustomizer jsonFieldProblems() {
        return builder -> builder.addModule(
                new SimpleModule("json-field-problems").setDeserializerModifier(new JsonFieldProblems.Modifier()));
    }

    /** Review 16, finding 9: a page's date is read without the blanks around it ({@link PageDateFormats}). */
    @Override
    public void addFormatters(org.springframework.format.FormatterRegistry registry) {
        registry.addFormatterForFieldAnnotation(new PageDateFormats());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ParameterChecks());
    }
}
