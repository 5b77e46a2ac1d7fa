package dk.botilbudslaege.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A doctor as submitted by a form or an API client. */
public class DoctorForm {

    @NotNull(message = "{doctor.practiceId.required}")
    private Long practiceId;

    @NotBlank(message = "{doctor.name.required}")
    @Size(max = 200, message = "{validation.size.max}")
    private String name;

    private Boolean nursingHomeDoctor;

    private Integer version;

    public static DoctorForm of(Doctor d) {
        DoctorForm form = new DoctorForm();
        form.practiceId = d.practiceId();
        form.name = d.name();
        form.nursingHomeDoctor = d.nursingHomeDoctor();
        form.version = d.version();
        return form;
    }

    Doctor.DoctorData data() {
        return new Doctor.DoctorData(practiceId, name.trim(), Boolean.TRUE.equals(nursingHomeDoctor));
    }

    public Long getPracticeId() {
        return practiceId;
    }

    public void setPracticeId(Long practiceId) {
        this.practiceId = practiceId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Boolean getNursingHomeDoctor() {
        return nursingHomeDoctor;
    }

    public void setNursingHomeDoctor(Boolean nursingHomeDoctor) {
        this.nursingHomeDoctor = nursingHomeDoctor;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
