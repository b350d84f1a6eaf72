# The IOC hub image (docker-compose.yml builds it with the repository as context).
# Stage 1 builds with Maven inside the container (its own repository cache, never the host's ~/.m2).
# -DskipITs also skips the npm install of the test-only TimescaleDB server (no Node.js in this image).
FROM maven:3.9.11-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -DskipITs install \
 && mvn -B -q -pl infra/hub dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/out/lib \
 && cp infra/hub/target/ioc-hub-*.jar /out/lib/

# Stage 2: a JRE, curl for the healthcheck, and the hub's jars; runs as an unprivileged user.
FROM eclipse-temurin:17.0.16_8-jre-noble
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /var/lib/ioc --create-home ioc
COPY --from=build /out/lib /opt/ioc/lib
USER ioc
WORKDIR /var/lib/ioc
EXPOSE 8080 8081
ENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS -cp '/opt/ioc/lib/*' vn.cantho.ioc.hub.Main \"$@\"", "ioc-hub"]
CMD ["up"]
