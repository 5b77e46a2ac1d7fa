package dk.botilbudslaege.agreement;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The information form as a person fills it in on the page; see {@link InformationFormInput}. */
public class FilingForm {

    @NotBlank(message = "{agreement.contactName.required}")
    @Size(max = 200, message = "{validation.size.max}")
    private String contactName;

    @NotBlank(message = "{agreement.contactRole.required}")
    @Size(max = 200, message = "{validation.size.max}")
    private String contactRole;

    @Email(message = "{validation.email}")
    @Size(max = 200, message = "{validation.size.max}")
    private String contactEmail;

    @Size(max = 40, message = "{validation.size.max}")
    private String contactPhone;

    private boolean noOtherContract;

    private Integer version;

    InformationFormInput input() {
        return new InformationFormInput(contactName, contactRole, contactEmail, contactPhone, noOtherContract);
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactRole() {
        return contactRole;
    }

    public void setContactRole(String contactRole) {
        this.contactRole = contactRole;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    public boolean isNoOtherContract() {
        return noOtherContract;
    }

    public void setNoOtherContract(boolean noOtherContract) {
        this.noOtherContract = noOtherContract;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
