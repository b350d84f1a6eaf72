/**
 * The Vietnamese air quality index VN_AQI as defined by Decision 1459/QĐ-TCMT (12 November 2019) of the
 * Vietnam Environment Administration: hourly AQI (NowCast for particulate matter), daily AQI, and the six
 * categories with their colours. Pure functions over hourly means, without Kafka or I/O, so the streams
 * topology, the API and tests can share one implementation. The method, every table with its source, and
 * the choices made where the decision is silent are in {@code docs/vn-aqi.md}.
 */
package vn.cantho.ioc.streams.aqi;
