package vn.cantho.ioc.streams.rules.topology;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import vn.cantho.ioc.model.alert.Severity;
import vn.cantho.ioc.streams.rules.Transition;

/**
 * The words and numbers of alert text, in Vietnamese and English: what happened with which severity,
 * and measures rounded to what a person reads (no decimals from 100 up, one from 10, two below, trailing
 * zeros dropped: 1,93 m; 12,5; -101,737 → -102) with the language's decimal and thousands separators.
 */
final class AlertText {

    /** Entity id of the whole city. */
    static final String CITY = RuleRouter.CITY;

    private AlertText() {}

    static String number(double value, boolean vi) {
        double magnitude = Math.abs(value);
        int decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
        BigDecimal rounded = BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        DecimalFormatSymbols symbols =
                DecimalFormatSymbols.getInstance(vi ? Locale.forLanguageTag("vi-VN") : Locale.ROOT);
        symbols.setDecimalSeparator(vi ? ',' : '.');
        symbols.setGroupingSeparator(vi ? '.' : ',');
        DecimalFormat format = new DecimalFormat("#,##0.##", symbols);
        return format.format(rounded.signum() == 0 ? BigDecimal.ZERO : rounded);
    }

    /** What the event says happened, e.g. {@code bắt đầu, nghiêm trọng} / {@code opened, major}. */
    static String what(Transition t, boolean vi) {
        String severity = t.severity() == null
                ? null
                : t.previousSeverity() != null
                        ? severity(t.previousSeverity(), vi) + " → " + severity(t.severity(), vi)
                        : severity(t.severity(), vi);
        String type =
                switch (t.type()) {
                    case OPENED -> vi ? "bắt đầu" : "opened";
                    case SEVERITY_CHANGED -> vi ? "đổi mức" : "severity changed";
                    case RECOVERING -> vi ? "đang hồi phục" : "recovering";
                    case RETRIGGERED -> vi ? "tái diễn" : "back again";
                    case RESOLVED -> vi ? "đã hết" : "resolved";
                    case NO_DATA -> vi ? "mất dữ liệu" : "no data";
                    case DATA_RETURNED -> vi ? "có dữ liệu trở lại" : "data back";
                    case FLAPPING_STARTED -> vi ? "dao động liên tục" : "flapping";
                    case FLAPPING_ENDED -> vi ? "hết dao động" : "flapping over";
                };
        return severity == null ? type : type + ", " + severity;
    }

    static String severity(Severity severity, boolean vi) {
        return switch (severity) {
            case INFO -> vi ? "thông tin" : "info";
            case WARNING -> vi ? "cảnh báo" : "warning";
            case MAJOR -> vi ? "nghiêm trọng" : "major";
            case CRITICAL -> vi ? "khẩn cấp" : "critical";
        };
    }
}
