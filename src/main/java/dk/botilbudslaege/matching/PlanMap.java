package dk.botilbudslaege.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of a round's map (issue 6: "show the plan on a map"): the openings, the practices of the
 * proposed doctors and a line for every proposal, projected equirectangularly around the middle latitude
 * so that a kilometre east is as long as a kilometre north. Pure: the template only places what is here.
 *
 * @param facilities one dot per located opening; {@code covered} when a proposal gives it a doctor
 * @param practices  one dot per practice of a proposed doctor
 * @param lines      practice → facility, one per proposal with both ends located
 * @param scaleKm    the length in kilometres of the scale bar, {@code scaleWidth} pixels wide
 */
public record PlanMap(
        int width,
        int height,
        List<Dot> facilities,
        List<Dot> practices,
        List<Line> lines,
        int scaleKm,
        double scaleWidth) {

    public record Dot(double x, double y, String label, boolean covered) {}

    public record Line(double x1, double y1, double x2, double y2) {}

    /** A located thing to draw. */
    record Place(long id, String label, double latitude, double longitude, boolean covered) {}

    static final int WIDTH = 640;
    static final int MAX_HEIGHT = 440;
    static final int MARGIN = 14;

    /** The map of the places, or null when fewer than one place is located. */
    static PlanMap of(List<Place> facilities, List<Place> practices, List<long[]> practiceToFacility) {
        List<Place> all = new ArrayList<>(facilities);
        all.addAll(practices);
        if (all.isEmpty()) {
            return null;
        }
        double minLat = all.stream().mapToDouble(Place::latitude).min().orElseThrow();
        double maxLat = all.stream().mapToDouble(Place::latitude).max().orElseThrow();
        double minLon = all.stream().mapToDouble(Place::longitude).min().orElseThrow();
        double maxLon = all.stream().mapToDouble(Place::longitude).max().orElseThrow();
        double cos = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = Math.max((maxLon - minLon) * cos, 0.01);
        double spanY = Math.max(maxLat - minLat, 0.01);
        double scale = Math.min((WIDTH - 2.0 * MARGIN) / spanX, (MAX_HEIGHT - 2.0 * MARGIN) / spanY);
        int height = (int) Math.ceil(spanY * scale + 2 * MARGIN);
        java.util.function.ToDoubleFunction<Place> x = p -> MARGIN + (p.longitude() - minLon) * cos * scale;
        java.util.function.ToDoubleFunction<Place> y = p -> MARGIN + (maxLat - p.latitude()) * scale;
        java.util.Map<Long, Place> facilityById = new java.util.HashMap<>();
        facilities.forEach(f -> facilityById.put(f.id(), f));
        java.util.Map<Long, Place> practiceById = new java.util.HashMap<>();
        practices.forEach(p -> practiceById.put(p.id(), p));
        List<Line> lines = new ArrayList<>();
        for (long[] pair : practiceToFacility) {
            Place from = practiceById.get(pair[0]);
            Place to = facilityById.get(pair[1]);
            if (from != null && to != null) {
                lines.add(new Line(
                        round(x.applyAsDouble(from)),
                        round(y.applyAsDouble(from)),
                        round(x.applyAsDouble(to)),
                        round(y.applyAsDouble(to))));
            }
        }
        double kmPerPixel = 111.2 / scale;
        int scaleKm = niceKm(kmPerPixel * 120);
        return new PlanMap(
                WIDTH,
                height,
                facilities.stream()
                        .map(f -> new Dot(round(x.applyAsDouble(f)), round(y.applyAsDouble(f)), f.label(), f.covered()))
                        .toList(),
                practices.stream()
                        .map(p -> new Dot(round(x.applyAsDouble(p)), round(y.applyAsDouble(p)), p.label(), true))
                        .toList(),
                lines,
                scaleKm,
                round(scaleKm / kmPerPixel));
    }

    /** 1, 2 or 5 times a power of ten, at most {@code km} (at least 1). */
    static int niceKm(double km) {
        int best = 1;
        for (int power = 1; power <= 1000; power *= 10) {
            for (int step : new int[] {1, 2, 5}) {
                if (step * power <= km) {
                    best = step * power;
                }
            }
        }
        return best;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
