package dk.botilbudslaege.registry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

    /** How many of the practice's capacities the doctor holds; null: 1 for a new doctor, unchanged on update. */
    @Min(value = 1, message = "{validation.min}")
    @Max(value = 100, message = "{validation.max}")
    private Integer capacities;

    private Integer version;

    public static DoctorForm of(Doctor d) {
        DoctorForm form = new DoctorForm();
        form.practiceId = d.practiceId();
        form.name = d.name();
        form.nursingHomeDoctor = d.nursingHomeDoctor();
        form.capacities = d.capacities();
        form.version = d.version();
        return form;
    }

    public Doctor.DoctorData data() {
        return new Doctor.DoctorData(
                practiceId, name.trim(), Boolean.TRUE.equals(nursingHomeDoctor), capacities == null ? 1 : capacities);
    }

    /** As {@link #data()}, keeping the doctor's current capacities when none were sent. */
    public Doctor.DoctorData data(Doctor current) {
        Doctor.DoctorData data = data();
        return capacities == null
                ? new Doctor.DoctorData(data.practiceId(), data.name(), data.nursingHomeDoctor(), current.capacities())
                : data;
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

    public Integer getCapacities() {
        return capacities;
    }

    public void setCapacities(Integer capacities) {
        this.capacities = capacities;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }
}
