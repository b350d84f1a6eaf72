package vn.cantho.ioc.model.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The eight IOC domains of Cần Thơ, with their stable ids and the names the city uses. */
public enum Domain {
    SOCIOECONOMIC("socioeconomic", "Chỉ tiêu báo cáo, thống kê kinh tế - xã hội"),
    GOVERNMENT("government", "Hiệu quả hoạt động của chính quyền"),
    SECURITY_TRAFFIC("security_traffic", "An ninh trật tự và an toàn giao thông"),
    TOURISM("tourism", "Điều hành du lịch"),
    CITIZEN_FEEDBACK("citizen_feedback", "Tương tác phục vụ phản hồi của người dân"),
    ONLINE_INFO("online_info", "Thông tin trên môi trường mạng"),
    ENVIRONMENT("environment", "Cảnh báo chất lượng môi trường"),
    CYBERSECURITY("cybersecurity", "An toàn thông tin mạng");

    private final String id;
    private final String vietnameseName;

    Domain(String id, String vietnameseName) {
        this.id = id;
        this.vietnameseName = vietnameseName;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String vietnameseName() {
        return vietnameseName;
    }

    @JsonCreator
    public static Domain of(String id) {
        for (Domain domain : values()) {
            if (domain.id.equals(id)) {
                return domain;
            }
        }
        throw new IllegalArgumentException("unknown domain '" + id + "'");
    }
}
