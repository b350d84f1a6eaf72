package vn.cantho.ioc.simulator.feed;

import java.util.List;
import java.util.Map;

/**
 * Reference data of the simulated departments: the nine historical districts of central Cần Thơ with
 * their share of the population and some of their wards, and the agencies that resolve dossiers.
 */
final class Places {

    record District(String code, double share, String wardPrefix, List<String> wards) {}

    record Agency(String code, String name, double dailyDossiers, double onTime, double online) {}

    static final List<District> DISTRICTS = List.of(
            new District(
                    "ninh-kieu",
                    0.25,
                    "Phường",
                    List.of(
                            "Tân An",
                            "An Hòa",
                            "Xuân Khánh",
                            "Hưng Lợi",
                            "An Khánh",
                            "Cái Khế",
                            "An Bình",
                            "Thới Bình")),
            new District(
                    "binh-thuy",
                    0.12,
                    "Phường",
                    List.of("Bình Thủy", "Trà An", "Long Hòa", "Long Tuyền", "An Thới", "Bùi Hữu Nghĩa", "Trà Nóc")),
            new District(
                    "cai-rang",
                    0.12,
                    "Phường",
                    List.of("Lê Bình", "Hưng Phú", "Hưng Thạnh", "Ba Láng", "Thường Thạnh", "Phú Thứ", "Tân Phú")),
            new District(
                    "o-mon",
                    0.10,
                    "Phường",
                    List.of("Châu Văn Liêm", "Thới Hòa", "Thới Long", "Phước Thới", "Trường Lạc", "Thới An")),
            new District(
                    "thot-not",
                    0.10,
                    "Phường",
                    List.of("Thốt Nốt", "Thới Thuận", "Trung Kiên", "Thuận Hưng", "Tân Lộc", "Trung Nhứt")),
            new District(
                    "phong-dien", 0.08, "Xã", List.of("Nhơn Ái", "Mỹ Khánh", "Giai Xuân", "Tân Thới", "Trường Long")),
            new District("co-do", 0.08, "Xã", List.of("Thới Hưng", "Trung An", "Thạnh Phú", "Đông Hiệp")),
            new District("thoi-lai", 0.08, "Xã", List.of("Định Môn", "Trường Thành", "Xuân Thắng", "Đông Bình")),
            new District("vinh-thanh", 0.07, "Xã", List.of("Thạnh An", "Thạnh Quới", "Vĩnh Trinh", "Thạnh Mỹ")));

    static final List<Agency> AGENCIES = List.of(
            new Agency("so-tu-phap", "Sở Tư pháp", 70, 0.985, 0.88),
            new Agency("so-tai-chinh", "Sở Tài chính", 45, 0.97, 0.8),
            new Agency("so-xay-dung", "Sở Xây dựng", 35, 0.9, 0.7),
            new Agency("so-nong-nghiep-moi-truong", "Sở Nông nghiệp và Môi trường", 60, 0.91, 0.62),
            new Agency("so-cong-thuong", "Sở Công Thương", 30, 0.975, 0.9),
            new Agency("so-y-te", "Sở Y tế", 40, 0.96, 0.75),
            new Agency("so-giao-duc-dao-tao", "Sở Giáo dục và Đào tạo", 25, 0.99, 0.85),
            new Agency("so-noi-vu", "Sở Nội vụ", 20, 0.98, 0.78),
            new Agency("ubnd-ninh-kieu", "UBND quận Ninh Kiều", 150, 0.95, 0.72),
            new Agency("ubnd-binh-thuy", "UBND quận Bình Thủy", 80, 0.96, 0.66),
            new Agency("ubnd-cai-rang", "UBND quận Cái Răng", 85, 0.94, 0.68),
            new Agency("ubnd-o-mon", "UBND quận Ô Môn", 70, 0.955, 0.6),
            new Agency("ubnd-thot-not", "UBND quận Thốt Nốt", 70, 0.95, 0.58),
            new Agency("ubnd-phong-dien", "UBND huyện Phong Điền", 45, 0.965, 0.55),
            new Agency("ubnd-co-do", "UBND huyện Cờ Đỏ", 45, 0.96, 0.52),
            new Agency("ubnd-thoi-lai", "UBND huyện Thới Lai", 45, 0.97, 0.5),
            new Agency("ubnd-vinh-thanh", "UBND huyện Vĩnh Thạnh", 40, 0.93, 0.48));

    /** Hotel rooms ready for guests per district and the district's typical occupancy. */
    static final Map<String, double[]> HOTELS = Map.of(
            "ninh-kieu",
            new double[] {5200, 66},
            "cai-rang",
            new double[] {950, 58},
            "binh-thuy",
            new double[] {720, 52},
            "o-mon",
            new double[] {260, 41},
            "thot-not",
            new double[] {300, 43},
            "phong-dien",
            new double[] {420, 47},
            "co-do",
            new double[] {110, 33},
            "thoi-lai",
            new double[] {120, 35},
            "vinh-thanh",
            new double[] {100, 31});

    private Places() {}

    /** The district that a uniform draw {@code u} in [0, 1) lands in, by population share. */
    static District district(double u) {
        double sum = 0;
        for (District d : DISTRICTS) {
            sum += d.share();
            if (u < sum) {
                return d;
            }
        }
        return DISTRICTS.get(DISTRICTS.size() - 1);
    }
}
