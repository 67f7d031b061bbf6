# syntax=docker/dockerfile:1
# Accord's image: built from source in a Maven stage, run on a small JRE as a user without privileges.
# The same image runs the embedded mode (the default) and the production mode (SPRING_PROFILES_ACTIVE=production).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml schema.graphqls ./
# every module the root pom lists, bench too: Maven refuses a reactor with a module missing (DeploymentBuildIT)
COPY api api
COPY query-model query-model
COPY app app
COPY bench bench
# the tests run in CI (mvn -B verify); the image build only packages
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre-alpine AS runtime
RUN addgroup -S -g 10001 accord && adduser -S -D -H -u 10001 -G accord accord \
    && mkdir -p /app/data /app/witness /etc/accord/jwt /etc/accord/ledger \
    && chown -R accord:accord /app/data /app/witness /etc/accord/jwt /etc/accord/ledger
WORKDIR /app
# the jar's manifest names its libraries in lib/ beside it (app/pom.xml says why)
COPY --from=build /src/app/target/lib /app/lib
COPY --from=build /src/app/target/accord.jar /app/accord.jar
USER accord
# the decision log's witness file lives outside the data folder (docs/verifiable-log.md): mount /app/witness
# somewhere else than /app/data, so that whoever can change the one cannot quietly change the other
ENV ACCORD_DATA_DIR=/app/data \
    ACCORD_LEDGER_WITNESS_FILE=/app/witness/accord-witness.log \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Ddisable-axoniq-console-message=true"
EXPOSE 8080
# ready = started, projections caught up, and (production) MongoDB and Axon Server reachable
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=6 \
    CMD wget -q -O /dev/null http://127.0.0.1:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/accord.jar"]
