package dk.botilbudslaege.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.botilbudslaege.common.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The password an invited user chooses (issue 15 review: twelve spaces were accepted). */
class InvitationPasswordTest {

    static void refused(String password, String messageKey) {
        assertThatThrownBy(() -> Invitations.checkPassword(password, password))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(
                                ((InvalidInputException) e).problems().get(0).messageKey())
                        .isEqualTo(messageKey));
    }

    @Test
    void spaces_alone_or_at_the_ends_do_not_make_a_password() {
        refused(" ".repeat(12), "users.password.blank");
        refused("\t".repeat(20), "users.password.blank");
        refused("   kort-kode   ", "users.password.short");
    }

    @Test
    void twelve_characters_pass_spaces_inside_a_pass_phrase_too_and_seventy_two_bytes_is_the_limit() {
        assertThatCode(() -> Invitations.checkPassword("tolv-tegn-ok", "tolv-tegn-ok"))
                .doesNotThrowAnyException();
        assertThatCode(() ->
                        Invitations.checkPassword("en lang sætning med mellemrum", "en lang sætning med mellemrum"))
                .doesNotThrowAnyException();
        refused("æ".repeat(37), "users.password.long");
        refused("elleve-tegn", "users.password.short");
    }
}
