package vn.cantho.ioc.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cantho.ioc.ingest.text.Encoding;
import vn.cantho.ioc.ingest.text.LegacyEncoder;

class RowValidatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T03:00:00Z"), ZoneOffset.UTC);
    private static final FeedDefinition ALL_TYPES = TestFeeds.allTypes("cong-an");
    private static final FeedRegistry BUILT_IN = FeedRegistry.builtIn();

    private final RowValidator validator = new RowValidator(ALL_TYPES, new VietnameseTextNormalizer(), CLOCK);

    @Test
    void a_valid_json_record_is_typed_keyed_and_its_metrics_extracted() {
        // When
        ValidRow row = valid(json("{\"id\":\"r-1\",\"at\":\"2026-10-31T14:05:00+07:00\",\"day\":\"31/10/2026\","
                + "\"count\":7,\"ratio\":12.5,\"ok\":true,\"kind\":\"b\",\"note\":\"  Cần Thơ  \"}"));

        // Then
        assertThat(row.recordKey()).isEqualTo("r-1");
        assertThat(row.ts()).isEqualTo(Instant.parse("2026-10-31T07:05:00Z"));
        assertThat(row.period()).isNull();
        assertThat(row.fields())
                .containsEntry("at", "2026-10-31T07:05:00Z")
                .containsEntry("day", "2026-10-31")
                .containsEntry("count", 7L)
                .containsEntry("ratio", 12.5)
                .containsEntry("ok", true)
                .containsEntry("kind", "b")
                .containsEntry("note", "Cần Thơ");
        assertThat(row.metrics()).containsEntry("test_count", 7.0).containsEntry("test_ratio", 12.5);
        assertThat(row.conversions()).isEmpty();
    }

    @Test
    void csv_text_values_are_typed_like_json_values() {
        // When
        ValidRow row = valid(csv("id,at,count,ratio,ok,day\nr-1,31/10/2026 14:05,7,12.50,yes,2026-10-31\n"));

        // Then
        assertThat(row.fields())
                .containsEntry("at", "2026-10-31T07:05:00Z")
                .containsEntry("count", 7L)
                .containsEntry("ratio", 12.5)
                .containsEntry("ok", true);
    }

    @Test
    void a_missing_or_empty_required_field_is_missing_field_and_every_error_of_a_row_is_reported() {
        List<RowError> errors = errors(json("{\"id\":\"  \",\"count\":-1}"));

        assertThat(errors)
                .extracting(RowError::field, RowError::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("id", RowErrorCode.MISSING_FIELD),
                        org.assertj.core.groups.Tuple.tuple("at", RowErrorCode.MISSING_FIELD),
                        org.assertj.core.groups.Tuple.tuple("count", RowErrorCode.OUT_OF_RANGE));
        assertThat(errors).allSatisfy(e -> assertThat(e.row()).isZero());
    }

    @ParameterizedTest(name = "{0} = {1} is {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "count | true | BAD_TYPE",
                "count | {\"n\":1} | BAD_TYPE",
                "count | [1] | BAD_TYPE",
                "count | 2.5 | BAD_NUMBER",
                "count | \"2,5\" | BAD_NUMBER",
                "count | \"many\" | BAD_NUMBER",
                "count | NaN | BAD_NUMBER",
                "count | 101 | OUT_OF_RANGE",
                "count | 99999999999999999999999 | OUT_OF_RANGE",
                "ratio | Infinity | BAD_NUMBER",
                "ratio | -Infinity | BAD_NUMBER",
                "ratio | \"NaN\" | BAD_NUMBER",
                "ratio | \"1.234,5\" | BAD_NUMBER",
                "ratio | 1e999 | BAD_NUMBER",
                "ratio | \"12%\" | BAD_NUMBER",
                "ratio | \"7\" | VALID",
                "ratio | 100.5 | OUT_OF_RANGE",
                "ok | \"maybe\" | BAD_TYPE",
                "ok | 1 | BAD_TYPE",
                "day | \"2026-02-30\" | BAD_DATE",
                "day | \"31.10.2026\" | BAD_DATE",
                "day | \"10/31/2026\" | BAD_DATE",
                "day | 20261031 | BAD_TYPE",
                "at | \"yesterday\" | BAD_DATE",
                "at | \"2026-13-01T00:00:00Z\" | BAD_DATE",
                "at | \"1999-12-31T00:00:00Z\" | OUT_OF_RANGE",
                "at | \"2026-11-30T00:00:00Z\" | OUT_OF_RANGE",
                "at | 1793000000000 | VALID",
                "kind | \"c\" | OUT_OF_RANGE",
                "kind | 3 | BAD_TYPE",
                "id | \"abcdefghijklmnopqrstuvwxyz\" | OUT_OF_RANGE",
                "note | \"a\\u0000b\" | BAD_ENCODING",
                "stt | 1 | UNKNOWN_FIELD",
                "stt | null | VALID",
            })
    void every_bad_value_gets_its_row_error_code(String field, String value, String expected) {
        // Given a valid record with one field replaced
        String base = "\"id\":\"r1\",\"at\":\"2026-10-31T07:00:00Z\"";
        String record = field.equals("id") || field.equals("at")
                ? "{" + base.replaceFirst("\"" + field + "\":\"[^\"]*\"", "\"" + field + "\":" + value) + "}"
                : "{" + base + ",\"" + field + "\":" + value + "}";

        // When
        RowOutcome outcome = validator.validate(json(record));

        // Then
        if (expected.equals("VALID")) {
            assertThat(outcome).as(record).isInstanceOf(ValidRow.class);
        } else {
            assertThat(outcome).as(record).isInstanceOfSatisfying(RowOutcome.Rejected.class, rejected -> assertThat(
                            rejected.errors())
                    .extracting(RowError::field, RowError::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(field, RowErrorCode.valueOf(expected))));
        }
    }

    @Test
    void periodic_feeds_take_the_start_of_each_period_and_label_it() {
        FeedDefinition monthly = BUILT_IN.feed("socioeconomic-monthly").orElseThrow();
        FeedDefinition quarterly = BUILT_IN.feed("socioeconomic-quarterly").orElseThrow();
        FeedDefinition hourly = BUILT_IN.feed("social-listening-hourly").orElseThrow();
        RowValidator months = new RowValidator(monthly, new VietnameseTextNormalizer(), CLOCK);
        RowValidator quarters = new RowValidator(quarterly, new VietnameseTextNormalizer(), CLOCK);
        RowValidator hours = new RowValidator(hourly, new VietnameseTextNormalizer(), CLOCK);

        ValidRow october = (ValidRow) months.validate(
                json("{\"period\":\"2026-10-01\",\"retail_sales\":14250.5,\"exports\":265.4,\"iip\":108.2}"));
        ValidRow q3 = (ValidRow) quarters.validate(json("{\"period\":\"01/07/2026\",\"grdp_growth\":7.8}"));
        ValidRow hour = (ValidRow) hours.validate(
                json("{\"hour\":\"2026-11-23T09:00:00+07:00\",\"channel\":\"facebook\",\"mentions\":412}"));
        RowOutcome midMonth =
                months.validate(json("{\"period\":\"2026-10-15\",\"retail_sales\":1,\"exports\":1,\"iip\":100}"));
        RowOutcome midQuarter = quarters.validate(json("{\"period\":\"2026-08-01\",\"grdp_growth\":7.8}"));
        RowOutcome halfPast =
                hours.validate(json("{\"hour\":\"2026-11-23T09:30:00+07:00\",\"channel\":\"all\",\"mentions\":1}"));

        assertThat(october.period()).isEqualTo("2026-10");
        assertThat(october.ts()).isEqualTo(Instant.parse("2026-09-30T17:00:00Z"));
        assertThat(october.metrics()).containsEntry("retail_sales_bn_vnd", 14250.5);
        assertThat(q3.period()).isEqualTo("2026-Q3");
        assertThat(q3.recordKey()).isEqualTo("2026-07-01");
        assertThat(hour.period()).isEqualTo("2026-11-23T09");
        assertThat(hour.recordKey()).isEqualTo("2026-11-23T02:00:00Z|facebook");
        assertThat(List.of(midMonth, midQuarter, halfPast))
                .allSatisfy(outcome -> assertThat(((RowOutcome.Rejected) outcome).errors())
                        .singleElement()
                        .satisfies(e -> assertThat(e.code()).isEqualTo(RowErrorCode.BAD_DATE)));
        assertThat(((RowOutcome.Rejected) midMonth).errors().get(0).message()).contains("first day of the month");
    }

    @Test
    void the_area_field_and_a_composite_key_come_from_the_record() {
        RowValidator traffic = new RowValidator(
                BUILT_IN.feed("traffic-safety-daily").orElseThrow(), new VietnameseTextNormalizer(), CLOCK);

        ValidRow row = (ValidRow) traffic.validate(csv(
                BUILT_IN.feed("traffic-safety-daily").orElseThrow(),
                "date,area_code,accidents,deaths,injuries,violations\n2026-11-22,ninh-kieu,2,0,3,148\n"));

        assertThat(row.recordKey()).isEqualTo("2026-11-22|ninh-kieu");
        assertThat(row.areaCode()).isEqualTo("ninh-kieu");
        assertThat(row.period()).isEqualTo("2026-11-22");
        assertThat(row.metrics()).containsEntry("traffic_violations", 148.0).containsEntry("traffic_deaths", 0.0);
    }

    @Test
    void key_values_with_the_separator_are_escaped_so_keys_cannot_collide() {
        assertThat(RowValidator.escapeKeyPart("a|b")).isEqualTo("a%7Cb");
        assertThat(RowValidator.escapeKeyPart("50%|x")).isEqualTo("50%25%7Cx");
    }

    @Test
    void legacy_text_is_converted_per_field_and_reported_raw_bytes_and_mojibake_alike() {
        // Given TCVN3 bytes in a CSV cell, and TCVN3 mojibake in a JSON string
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("id,at,note\nr1,2026-10-31T07:00:00Z,".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(LegacyEncoder.encode("Cần Thơ", Encoding.TCVN3));
        body.writeBytes("\n".getBytes(StandardCharsets.US_ASCII));

        // When
        ValidRow fromBytes =
                valid(CsvBodyReader.read(body.toByteArray(), ALL_TYPES, 10).get(0));
        ValidRow fromMojibake = valid(json("{\"id\":\"r1\",\"at\":\"2026-10-31T07:00:00Z\",\"note\":\""
                + LegacyEncoder.mojibake(LegacyEncoder.encode("Cần Thơ", Encoding.TCVN3)) + "\"}"));
        ValidRow unicode = valid(json("{\"id\":\"r1\",\"at\":\"2026-10-31T07:00:00Z\",\"note\":\"Cần Thơ\"}"));

        // Then
        assertThat(fromBytes.fields().get("note")).isEqualTo("Cần Thơ");
        assertThat(fromBytes.conversions()).containsExactly(new FieldConversion(2, "note", "TCVN3"));
        assertThat(fromMojibake.fields().get("note")).isEqualTo("Cần Thơ");
        assertThat(fromMojibake.conversions()).containsExactly(new FieldConversion(0, "note", "TCVN3"));
        assertThat(unicode.conversions()).isEmpty();
        assertThat(FeedPushService.contentHash(fromBytes.fields()))
                .isEqualTo(FeedPushService.contentHash(unicode.fields()));
    }

    @Test
    void bytes_that_are_not_utf8_reject_only_their_field_and_only_outside_text_fields_or_when_undecodable() {
        // Given
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("id,at,note\n".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[] {'r', (byte) 0xFF, ','});
        body.writeBytes("2026-10-31T07:00:00Z,ok\nr2,2026-10-31T07:00:00Z,".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[] {(byte) 0x81, (byte) 0x8D, (byte) 0x8F, (byte) 0x90, '\n'});
        List<RawRow> rows = CsvBodyReader.read(body.toByteArray(), ALL_TYPES, 10);

        // Then
        assertThat(errors(rows.get(0))).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("id");
            assertThat(e.code()).isEqualTo(RowErrorCode.BAD_ENCODING);
        });
        assertThat(errors(rows.get(1))).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("note");
            assertThat(e.code()).isEqualTo(RowErrorCode.BAD_ENCODING);
        });
    }

    @Test
    void sql_looking_strings_are_plain_data() {
        ValidRow row = valid(json("{\"id\":\"x'; DROP--\",\"at\":\"2026-10-31T07:00:00Z\","
                + "\"note\":\"Robert'); DROP TABLE api_token;--\"}"));

        assertThat(row.recordKey()).isEqualTo("x'; DROP--");
        assertThat(row.fields().get("note")).isEqualTo("Robert'); DROP TABLE api_token;--");
    }

    private ValidRow valid(RawRow raw) {
        RowOutcome outcome = validator.validate(raw);
        assertThat(outcome).as(String.valueOf(outcome)).isInstanceOf(ValidRow.class);
        return (ValidRow) outcome;
    }

    private List<RowError> errors(RawRow raw) {
        RowOutcome outcome = validator.validate(raw);
        assertThat(outcome).isInstanceOf(RowOutcome.Rejected.class);
        return ((RowOutcome.Rejected) outcome).errors();
    }

    private static RawRow json(String record) {
        return JsonBodyReader.read(("[" + record + "]").getBytes(StandardCharsets.UTF_8), 10)
                .get(0);
    }

    private static RawRow csv(String body) {
        return csv(ALL_TYPES, body);
    }

    private static RawRow csv(FeedDefinition feed, String body) {
        return CsvBodyReader.read(body.getBytes(StandardCharsets.UTF_8), feed, 10)
                .get(0);
    }
}
