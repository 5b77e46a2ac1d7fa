package dk.botilbudslaege.registry;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * What the facility and practice forms share: coordinates within Denmark, optional, both or neither
 * (the database holds the pair together). Distances for matchmaking are measured between them.
 */
public abstract class LocatedForm {

    @DecimalMin(value = "54.5", message = "{validation.latitude}")
    @DecimalMax(value = "57.8", message = "{validation.latitude}")
    private Double latitude;

    @DecimalMin(value = "8.0", message = "{validation.longitude}")
    @DecimalMax(value = "15.3", message = "{validation.longitude}")
    private Double longitude;

    public Double getLatitude() {
        return latitude;
    }

    public void setLatitude(Double latitude) {
        this.latitude = latitude;
    }

    public Double getLongitude() {
        return longitude;
    }

    public void setLongitude(Double longitude) {
        this.longitude = longitude;
    }
}
