package dk.botilbudslaege.registry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A facility as a person or an API client submits it (create and edit). The same object backs the
 * HTML form and the JSON body, so both get the same rules and the same Danish messages.
 */
public class FacilityForm extends LocatedForm {

    @NotBlank(message = "{facility.name.required}")
    @Size(max = 200, message = "{validation.size.max}")
    private String name;

    @NotBlank(message = "{facility.address.required}")
    @Size(max = 300, message = "{validation.size.max}")
    private String address;

    @NotBlank(message = "{facility.municipalityCode.required}")
    @Pattern(regexp = "[0-9]{3}", message = "{facility.municipalityCode.pattern}")
    private String municipalityCode;

    @NotNull(message = "{facility.operator.required}")
    private Operator operator;

    private PrivateOwnership privateOwnership;

    @NotNull(message = "{facility.legalBasis.required}")
    private LegalBasis legalBasis;

    @NotNull(message = "{facility.places.required}")
    @Min(value = 0, message = "{validation.min}")
    @Max(value = 10000, message = "{validation.max}")
    private Integer places;

    @NotNull(message = "{facility.residents.required}")
    @Min(value = 0, message = "{validation.min}")
    @Max(value = 10000, message = "{validation.max}")
    private Integer residents;

    @Min(value = 0, message = "{validation.min}")
    @Max(value = 10000, message = "{validation.max}")
    private Integer temporaryPlaces;

    private Long groupId;

    /** The version read before editing; a stale one is refused (409). Optional for API clients. */
    private Integer version;

    public static FacilityForm of(Facility f) {
        FacilityForm form = new FacilityForm();
        form.name = f.name();
        form.address = f.address();
        form.municipalityCode = f.municipalityCode();
        form.operator = f.operator();
        form.privateOwnership = f.privateOwnership();
        form.legalBasis = f.legalBasis();
        form.places = f.places();
        form.residents = f.residents();
        form.temporaryPlaces = f.temporaryPlaces();
        form.setLatitude(f.latitude());
        form.setLongitude(f.longitude());
        form.groupId = f.groupId();
        form.version = f.version();
        return form;
    }

    public Facility.FacilityData data() {
        return new Facility.FacilityData(
                trim(name),
                trim(address),
                municipalityCode,
                operator,
                operator == Operator.PRIVATE ? privateOwnership : null,
                legalBasis,
                places,
                residents,
                temporaryPlaces == null ? 0 : temporaryPlaces,
                getLatitude(),
                getLongitude(),
                groupId);
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
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

    public Operator getOperator() {
        return operator;
    }

    public void setOperator(Operator operator) {
        this.operator = operator;
    }

    public PrivateOwnership getPrivateOwnership() {
        return privateOwnership;
    }

    public void setPrivateOwnership(PrivateOwnership privateOwnership) {
        this.privateOwnership = privateOwnership;
    }

    public LegalBasis getLegalBasis() {
        return legalBasis;
    }

    public void setLegalBasis(LegalBasis legalBasis) {
        this.legalBasis = legalBasis;
    }

    public Integer getPlaces() {
        return places;
    }

    public void setPlaces(Integer places) {
        this.places = places;
    }

    public Integer getResidents() {
        return residents;
    }

    public void setResidents(Integer residents) {
        this.residents = residents;
    }

    public Integer getTemporaryPlaces() {
        return temporaryPlaces;
    }

    public void setTemporaryPlaces(Integer temporaryPlaces) {
        this.temporaryPlaces = temporaryPlaces;
    }

    public Long getGroupId() {
        return groupId;
    }

    public void setGroupId(Long groupId) {
        this.groupId = groupId;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
