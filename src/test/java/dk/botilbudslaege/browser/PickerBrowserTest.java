package dk.botilbudslaege.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.botilbudslaege.support.Browser;
import dk.botilbudslaege.support.IntegrationTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16 item 3 (i16-pickers): doctors and facilities are chosen by typing part of the name and the keyboard
 * (an ARIA combobox whose matches htmx fetches), not from a select of hundreds.
 */
@IntegrationTest
class PickerBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_region_files_an_agreement_by_typing_and_the_keyboard() {
        Map<String, Object> facility = jdbc.sql("""
                        select f.id, f.name from registry_facility f
                          join current_municipality_region r on r.municipality_code = f.municipality_code
                         where r.region_code = '1082' and f.operator = 'REGIONAL'
                           and not exists (select 1 from agreement_coverage c where c.facility_id = f.id)
                         order by f.id limit 1
                        """).query().singleRow();
        Map<String, Object> doctor = jdbc.sql("""
                        select d.id, d.name from registry_doctor d join registry_practice p on p.id = d.practice_id
                          join current_municipality_region r on r.municipality_code = p.municipality_code
                         where r.region_code = '1082'
                           and not exists (select 1 from agreement a where a.doctor_id = d.id)
                         order by d.id desc limit 1
                        """).query().singleRow();
        String facilityName = (String) facility.get("name");
        String doctorName = (String) doctor.get("name");
        try (Browser region = Browser.open(port)) {
            region.login("region-midt");
            region.go("/agreements/new");
            assertThat(region.find(By.id("facilityIds")).getAttribute("role")).isEqualTo("combobox");
            assertThat(region.driver().findElements(By.cssSelector("select#facilityIds, select#doctorId")))
                    .isEmpty();
            region.pick("facilityIds", facilityName.substring(0, Math.min(8, facilityName.length())), facilityName);
            region.pick("doctorId", doctorName.substring(0, Math.min(7, doctorName.length())), doctorName);
            assertThat(region.find(By.id("facilityIds-value")).getAttribute("value"))
                    .isEqualTo(String.valueOf(facility.get("id")));
            assertThat(region.find(By.id("doctorId-value")).getAttribute("value"))
                    .isEqualTo(String.valueOf(doctor.get("id")));
            ((JavascriptExecutor) region.driver())
                    .executeScript(
                            "arguments[0].value = arguments[1];",
                            region.find(By.id("startDate")),
                            LocalDate.now().withDayOfMonth(1).toString());
            region.screenshot("picker-agreement");
            region.clickAndWait(By.cssSelector("form.card button[type=submit]"));
            region.waitFor(d -> d.getCurrentUrl().matches(".*/agreements/\\d+$"));
            assertThat(region.text()).contains("Aftalen er oprettet som kladde.", facilityName, doctorName);
        }
    }

    @Test
    void the_administrator_picks_a_facility_as_a_users_scope() {
        try (Browser admin = Browser.open(port)) {
            admin.login("admin");
            admin.go("/admin/users/new");
            admin.type(By.id("username"), "picker-karen");
            admin.type(By.id("displayName"), "Karen Picker, Skovstjernen");
            admin.type(By.id("email"), "picker.karen@example.dk");
            new Select(admin.find(By.id("role"))).selectByValue("FACILITY");
            admin.pick("facilityId", "skovstj", "Skovstjernen");
            admin.clickAndWait(By.cssSelector("#invite-form button[type=submit]"));
            assertThat(admin.text()).contains("picker-karen");
        }
        assertThat(jdbc.sql("""
                        select f.name from app_user u join registry_facility f on f.id = u.facility_id
                         where u.username = 'picker-karen'
                        """).query(String.class).single()).contains("Skovstjernen");
    }
}
