package org.accord.app.platform.projections;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ProjectionPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ProjectionProperties.class)
    static class Bound {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void theProcessorRunsAsConfiguredAndTracksInSegmentsOfOneByDefault() {
        context.withPropertyValues("accord.projections.batch-size=5000", "accord.projections.node-id=embedded")
                .run(started -> {
                    ProjectionProperties projections = started.getBean(ProjectionProperties.class);
                    assertThat(projections.batchSize()).isEqualTo(5000);
                    assertThat(projections.nodeId()).isEqualTo("embedded");
                    assertThat(projections.segments()).isEqualTo(1);
                    assertThat(projections.pooled()).isFalse();
                });
        context.withPropertyValues("accord.projections.mode=Pooled").run(started ->
                assertThat(started.getBean(ProjectionProperties.class).pooled()).isTrue());
    }

    @Test
    void aBatchOfNoEventsIsRefusedAtStartNamingTheSetting() {
        context.withPropertyValues("accord.projections.batch-size=0").run(started ->
                assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("accord.projections.batch-size (ACCORD_PROJECTION_BATCH_SIZE)")
                        .hasMessageContaining("was 0"));
    }

    @Test
    void anUnknownProcessorModeIsRefusedAtStart() {
        context.withPropertyValues("accord.projections.mode=subscribing").run(started ->
                assertThat(started).getFailure().rootCause()
                        .hasMessageContaining("tracking or pooled, was subscribing"));
    }
}
