package dk.botilbudslaege.registry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A practice as submitted by a form or an API client. */
public class PracticeForm extends LocatedForm {

    @NotBlank(message = "{practice.providerNumber.required}")
    @Pattern(regexp = "[0-9]{6}", message = "{practice.providerNumber.pattern}")
    private String providerNumber;

    @NotBlank(message = "{practice.name.required}")
    @Size(max = 200, message = "{validation.size.max}")
    private String name;

    @NotBlank(message = "{practice.address.required}")
    @Size(max = 300, message = "{validation.size.max}")
    private String address;

    @NotBlank(message = "{facility.municipalityCode.required}")
    @Pattern(regexp = "[0-9]{3}", message = "{facility.municipalityCode.pattern}")
    private String municipalityCode;

    @NotNull(message = "{practice.clinicType.required}")
    private ClinicType clinicType;

    @NotNull(message = "{practice.doctorCapacity.required}")
    @Min(value = 1, message = "{validation.min}")
    @Max(value = 100, message = "{validation.max}")
    private Integer doctorCapacity;

    @NotNull(message = "{practice.openForNewPatients.required}")
    private Boolean openForNewPatients;

    @NotNull(message = "{practice.vatRegistered.required}")
    private Boolean vatRegistered;

    private Integer version;

    public static PracticeForm of(Practice p) {
        PracticeForm form = new PracticeForm();
        form.providerNumber = p.providerNumber();
        form.name = p.name();
        form.address = p.address();
        form.municipalityCode = p.municipalityCode();
        form.clinicType = p.clinicType();
        form.doctorCapacity = p.doctorCapacity();
        form.openForNewPatients = p.openForNewPatients();
        form.vatRegistered = p.vatRegistered();
        form.setLatitude(p.latitude());
        form.setLongitude(p.longitude());
        form.version = p.version();
        return form;
    }

    public Practice.PracticeData data() {
        return new Practice.PracticeData(
                providerNumber.trim(),
                name.trim(),
                address.trim(),
                municipalityCode,
                clinicType,
                doctorCapacity,
                openForNewPatients,
                vatRegistered,
                getLatitude(),
                getLongitude());
    }

    public String getProviderNumber() {
        return providerNumber;
    }

    public void setProviderNumber(String providerNumber) {
        this.providerNumber = providerNumber;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getMunicipalityCode() {
        return municipalityCode;
    }

    public void setMunicipalityCode(String municipalityCode) {
        this.municipalityCode = municipalityCode;
    }

    public ClinicType getClinicType() {
        return clinicType;
    }

    public void setClinicType(ClinicType clinicType) {
        this.clinicType = clinicType;
    }

    public Integer getDoctorCapacity() {
        return doctorCapacity;
    }

    public void setDoctorCapacity(Integer doctorCapacity) {
        this.doctorCapacity = doctorCapacity;
    }

    public Boolean getOpenForNewPatients() {
        return openForNewPatients;
    }

    public void setOpenForNewPatients(Boolean openForNewPatients) {
        this.openForNewPatients = openForNewPatients;
    }

    public Boolean getVatRegistered() {
        return vatRegistered;
    }

    public void setVatRegistered(Boolean vatRegistered) {
        this.vatRegistered = vatRegistered;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
