package dk.botilbudslaege.agreement;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * What the filer adds to the information form (oplysningsskema, SPEC §3): the facility's contact
 * person and the declaration that no other (consultant) contract exists for the role (R6). The other
 * fields of the form come from the registry and the agreement. An API client may leave the body out:
 * the filer is then the contact person, and filing declares that no other contract exists.
 */
public record InformationFormInput(
        @Size(max = 200, message = "{validation.size.max}") String contactName,
        @Size(max = 200, message = "{validation.size.max}") String contactRole,

        @Email(message = "{validation.email}") @Size(max = 200, message = "{validation.size.max}")
        String contactEmail,

        @Size(max = 40, message = "{validation.size.max}") String contactPhone,
        Boolean noOtherContract) {

    public static InformationFormInput empty() {
        return new InformationFormInput(null, null, null, null, null);
    }
}
