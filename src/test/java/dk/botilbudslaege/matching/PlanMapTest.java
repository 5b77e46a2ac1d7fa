package dk.botilbudslaege.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The round's map: places projected so a kilometre east is as long as a kilometre north, within the frame. */
class PlanMapTest {

    @Test
    void a_kilometre_east_is_drawn_as_long_as_a_kilometre_north_and_everything_fits_the_frame() {
        double lat = 56.4;
        double kmLon = 1 / (111.32 * Math.cos(Math.toRadians(lat)));
        double kmLat = 1 / 111.2;
        PlanMap.Place practice = new PlanMap.Place(1, "Lægehuset", lat, 10.9, true);
        PlanMap.Place east = new PlanMap.Place(10, "Øst", lat, 10.9 + 10 * kmLon, true);
        PlanMap.Place north = new PlanMap.Place(11, "Nord", lat + 10 * kmLat, 10.9, false);

        PlanMap map = PlanMap.of(List.of(east, north), List.of(practice), List.of(new long[] {1, 10}));

        PlanMap.Dot p = map.practices().get(0);
        PlanMap.Dot e = map.facilities().get(0);
        PlanMap.Dot n = map.facilities().get(1);
        assertThat(e.x() - p.x()).isCloseTo(p.y() - n.y(), offset(2.0));
        assertThat(map.lines()).singleElement().satisfies(l -> {
            assertThat(l.x1()).isEqualTo(p.x());
            assertThat(l.x2()).isEqualTo(e.x());
        });
        assertThat(n.covered()).isFalse();
        for (PlanMap.Dot d : List.of(p, e, n)) {
            assertThat(d.x()).isBetween(0.0, (double) map.width());
            assertThat(d.y()).isBetween(0.0, (double) map.height());
        }
        assertThat(map.height()).isLessThanOrEqualTo(PlanMap.MAX_HEIGHT);
        // the scale bar says what it is long: its kilometres at the map's scale
        double pixelsPerKm = (e.x() - p.x()) / 10;
        assertThat(map.scaleWidth()).isCloseTo(map.scaleKm() * pixelsPerKm, offset(1.0));
    }

    @Test
    void a_line_to_a_place_without_coordinates_is_left_out_and_no_places_give_no_map() {
        PlanMap.Place f = new PlanMap.Place(10, "Botilbud", 56.4, 10.9, true);
        assertThat(PlanMap.of(List.of(f), List.of(), List.of(new long[] {1, 10}))
                        .lines())
                .isEmpty();
        assertThat(PlanMap.of(List.of(), List.of(), List.of())).isNull();
    }

    @Test
    void the_scale_bar_is_a_round_number_of_kilometres() {
        assertThat(PlanMap.niceKm(0.4)).isEqualTo(1);
        assertThat(PlanMap.niceKm(3.9)).isEqualTo(2);
        assertThat(PlanMap.niceKm(7)).isEqualTo(5);
        assertThat(PlanMap.niceKm(19)).isEqualTo(10);
        assertThat(PlanMap.niceKm(260)).isEqualTo(200);
    }
}
