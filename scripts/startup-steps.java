// i18-start (issue 17, startup): starts the application with Spring's BufferingApplicationStartup, prints where the start
// went (the slowest steps, the slowest beans created at the top of the bean graph, the time per kind of step) and stops
// it again (its embedded PostgreSQL with it). Wall milliseconds: on a machine others load, compare shares, not totals.
// Run it on the extracted jar (java's source-file mode compiles it against that jar and its lib/):
//
//   ./mvnw -B -q package -DskipTests && java -Djarmode=tools -jar target/botilbudslaege-0.1.0-SNAPSHOT.jar extract \
//     --destination /tmp/botilbud-x
//   java -XX:TieredStopAtLevel=1 -cp /tmp/botilbud-x/botilbudslaege-0.1.0-SNAPSHOT.jar scripts/startup-steps.java \
//     --server.address=127.0.0.1 --server.port=18097 --botilbud.local-db.data-dir=/tmp/startup-pg \
//     --botilbud.local-mail.port=3037
//
// -Dsteps=30 (slowest steps), -Dbeans=30 (slowest top-level beans).

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.StreamSupport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.core.metrics.StartupStep;

class StartupSteps {

    public static void main(String[] args) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Copenhagen")); // as BotilbudslaegeApplication.main
        SpringApplication application = new SpringApplication(Class.forName("dk.botilbudslaege.BotilbudslaegeApplication"));
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        application.setApplicationStartup(startup);
        long began = System.nanoTime();
        var context = application.run(args);
        double seconds = (System.nanoTime() - began) / 1e9;

        var timeline = startup.getBufferedTimeline();
        List<TimelineEvent> events = timeline.getEvents();
        Map<Long, TimelineEvent> byId = new HashMap<>();
        Map<Long, Long> children = new HashMap<>();
        for (TimelineEvent event : events) {
            byId.put(event.getStartupStep().getId(), event);
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                children.merge(parent, event.getDuration().toNanos(), Long::sum);
            }
        }
        long startMillis = timeline.getStartTime().toEpochMilli();

        System.out.printf("%nStarted and ran the runners in %.2f s; %d beans created%n", seconds,
                events.stream().filter(e -> e.getStartupStep().getName().equals("spring.beans.instantiate")).count());

        System.out.printf("%nSlowest steps (ms with what they contain, ms of their own, s after the start):%n");
        events.stream()
                .sorted(Comparator.comparingLong((TimelineEvent e) -> e.getDuration().toNanos()).reversed())
                .limit(Integer.getInteger("steps", 30))
                .forEach(e -> System.out.printf("%7.0f %7.0f %6.2f  %s %s%n", ms(e.getDuration().toNanos()),
                        ms(e.getDuration().toNanos() - children.getOrDefault(e.getStartupStep().getId(), 0L)),
                        (e.getStartTime().toEpochMilli() - startMillis) / 1e3, e.getStartupStep().getName(),
                        tags(e.getStartupStep())));

        System.out.printf("%nSlowest beans created at the top of the graph (ms with their dependencies):%n");
        List<TimelineEvent> roots = new ArrayList<>();
        for (TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            TimelineEvent above = parent == null ? null : byId.get(parent);
            if (isBean(event) && (above == null || !isBean(above))) {
                roots.add(event);
            }
        }
        roots.stream()
                .sorted(Comparator.comparingLong((TimelineEvent e) -> e.getDuration().toNanos()).reversed())
                .limit(Integer.getInteger("beans", 30))
                .forEach(e -> System.out.printf("%7.0f %6.2f  %s%n", ms(e.getDuration().toNanos()),
                        (e.getStartTime().toEpochMilli() - startMillis) / 1e3, tags(e.getStartupStep())));

        System.out.printf("%nTime of its own per kind of step (ms):%n");
        Map<String, Long> own = new HashMap<>();
        for (TimelineEvent e : events) {
            own.merge(e.getStartupStep().getName(),
                    e.getDuration().toNanos() - children.getOrDefault(e.getStartupStep().getId(), 0L), Long::sum);
        }
        own.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(12)
                .forEach(e -> System.out.printf("%7.0f  %s%n", ms(e.getValue()), e.getKey()));

        System.exit(SpringApplication.exit(context));
    }

    private static boolean isBean(TimelineEvent event) {
        return event.getStartupStep().getName().equals("spring.beans.instantiate");
    }

    private static String tags(StartupStep step) {
        StringBuilder text = new StringBuilder();
        StreamSupport.stream(step.getTags().spliterator(), false)
                .forEach(tag -> text.append(tag.getKey()).append('=').append(tag.getValue()).append(' '));
        return text.length() > 150 ? text.substring(0, 150) : text.toString().trim();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
