package dk.botilbudslaege.notification;

import dk.botilbudslaege.common.MultiLine;

/**
 * The profile's address field, bound as a validated form so that its text is checked on the field (with what was
 * typed kept) rather than by the request's 400 page: a line break ("a@b.dk\r\nBcc: …") or an invisible character
 * (U+202E) in it is an invalid address. Null when the request has no {@code email} field at all.
 */
class ProfileAddressForm {

    // several lines allowed by the text rules: the address check refuses a line break with its own message
    @MultiLine
    private String email;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
