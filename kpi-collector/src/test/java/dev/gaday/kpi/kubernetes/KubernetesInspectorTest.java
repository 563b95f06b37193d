package dev.gaday.kpi.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gaday.common.model.kpi.KubernetesStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rollouts, restarts and readiness as fabric8's Kubernetes mock server (CRUD mode) serves them. */
@EnableKubernetesMockClient(crud = true)
class KubernetesInspectorTest {
    static final String NS = "release";
    static final Instant WINDOW_START = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant WINDOW_END = Instant.parse("2026-06-02T00:00:00Z");

    KubernetesClient client;

    @BeforeEach
    void cluster() {
        client.resource(deployment("checkout", 3, 3, 3, 3, null))
                .inNamespace(NS)
                .create();
        // Stuck: one new replica never became available and the progress deadline passed.
        client.resource(deployment("payments", 3, 1, 2, 4, "ProgressDeadlineExceeded"))
                .inNamespace(NS)
                .create();
        client.resource(pod("checkout-0", "2026-05-30T10:00:00Z", 0, null, true))
                .inNamespace(NS)
                .create();
        // Started inside the window: all its restarts happened there.
        client.resource(pod("payments-1", "2026-06-01T06:10:00Z", 5, "2026-06-01T09:00:00Z", false))
                .inNamespace(NS)
                .create();
        // Older pod: its last termination is inside the window, earlier ones are unknown (counted once).
        client.resource(pod("payments-0", "2026-05-20T00:00:00Z", 7, "2026-06-01T12:00:00Z", true))
                .inNamespace(NS)
                .create();
        // Older pod whose restarts all predate the window.
        client.resource(pod("search-0", "2026-05-20T00:00:00Z", 2, "2026-05-25T12:00:00Z", true))
                .inNamespace(NS)
                .create();
    }

    @Test
    void aStuckRolloutIsIncompleteWithItsReason() {
        KubernetesStatus status = new KubernetesInspector(client).inspect(NS, WINDOW_START, WINDOW_END);
        assertTrue(status.available());
        assertEquals(2, status.deployments().size());
        KubernetesStatus.DeploymentRollout checkout = status.deployments().get(0);
        assertEquals("checkout", checkout.name());
        assertTrue(checkout.complete(), String.valueOf(checkout.reason()));
        KubernetesStatus.DeploymentRollout payments = status.deployments().get(1);
        assertFalse(payments.complete());
        assertEquals(3, payments.desiredReplicas());
        assertEquals(1, payments.updatedReplicas());
        assertEquals(2, payments.availableReplicas());
        assertEquals("stuck: progress deadline exceeded", payments.reason());
    }

    @Test
    void restartsAreCountedInsideTheWindowAndUnreadyPodsListed() {
        KubernetesStatus status = new KubernetesInspector(client).inspect(NS, WINDOW_START, WINDOW_END);
        assertEquals(3, status.restarts().size(), status.restarts().toString());
        assertEquals(
                new KubernetesStatus.PodRestarts("payments-0", 1, 7),
                status.restarts().get(0));
        assertEquals(
                new KubernetesStatus.PodRestarts("payments-1", 5, 5),
                status.restarts().get(1));
        assertEquals(
                new KubernetesStatus.PodRestarts("search-0", 0, 2),
                status.restarts().get(2));
        assertEquals(java.util.List.of("payments-1"), status.podsNotReady());
    }

    @Test
    void anEmptyNamespaceIsAvailableAndEmpty() {
        KubernetesStatus status = new KubernetesInspector(client).inspect("other", WINDOW_START, WINDOW_END);
        assertTrue(status.available());
        assertTrue(status.deployments().isEmpty());
        assertEquals("other", status.namespace());
    }

    static Deployment deployment(String name, int desired, int updated, int available, int total, String deadline) {
        io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder status =
                new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
                        .withObservedGeneration(2L)
                        .withReplicas(total)
                        .withUpdatedReplicas(updated)
                        .withAvailableReplicas(available)
                        .withReadyReplicas(available);
        if (deadline != null) {
            status.addNewCondition()
                    .withType("Progressing")
                    .withStatus("False")
                    .withReason(deadline)
                    .endCondition();
        }
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withGeneration(2L)
                .endMetadata()
                .withNewSpec()
                .withReplicas(desired)
                .endSpec()
                .withStatus(status.build())
                .build();
    }

    static Pod pod(String name, String started, int restarts, String lastTerminated, boolean ready) {
        ContainerStatusBuilder container = new ContainerStatusBuilder()
                .withName("app")
                .withRestartCount(restarts)
                .withReady(ready);
        if (lastTerminated != null) {
            container
                    .withNewLastState()
                    .withNewTerminated()
                    .withFinishedAt(lastTerminated)
                    .withExitCode(137)
                    .endTerminated()
                    .endLastState();
        }
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewStatus()
                .withPhase("Running")
                .withStartTime(started)
                .addNewCondition()
                .withType("Ready")
                .withStatus(ready ? "True" : "False")
                .endCondition()
                .addToContainerStatuses(container.build())
                .endStatus()
                .build();
    }
}
