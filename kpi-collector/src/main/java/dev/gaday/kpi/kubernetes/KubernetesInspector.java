package dev.gaday.kpi.kubernetes;

import dev.gaday.common.model.kpi.KubernetesStatus;
import dev.gaday.common.model.kpi.KubernetesStatus.DeploymentRollout;
import dev.gaday.common.model.kpi.KubernetesStatus.PodRestarts;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the release's state from the cluster: each deployment's rollout (as {@code kubectl rollout
 * status} judges it), container restarts inside the window, pods not ready. The cluster is
 * asked as it is now; for a past window the rollout and readiness are today's state.
 */
public final class KubernetesInspector {
    private final KubernetesClient client;

    public KubernetesInspector(KubernetesClient client) {
        this.client = client;
    }

    public KubernetesStatus inspect(String namespace, Instant windowStart, Instant windowEnd) {
        String ns = namespace != null ? namespace : client.getNamespace() != null ? client.getNamespace() : "default";
        try {
            List<DeploymentRollout> rollouts = new ArrayList<>();
            for (Deployment deployment :
                    client.apps().deployments().inNamespace(ns).list().getItems()) {
                rollouts.add(rollout(deployment));
            }
            rollouts.sort(Comparator.comparing(DeploymentRollout::name));
            List<PodRestarts> restarts = new ArrayList<>();
            List<String> notReady = new ArrayList<>();
            for (Pod pod : client.pods().inNamespace(ns).list().getItems()) {
                String name = pod.getMetadata().getName();
                PodRestarts podRestarts = restarts(pod, windowStart, windowEnd);
                if (podRestarts.totalRestarts() > 0) {
                    restarts.add(podRestarts);
                }
                if (!ready(pod)) {
                    notReady.add(name);
                }
            }
            restarts.sort(Comparator.comparing(PodRestarts::pod));
            notReady.sort(Comparator.naturalOrder());
            return new KubernetesStatus(true, ns, null, rollouts, restarts, notReady);
        } catch (KubernetesClientException e) {
            return KubernetesStatus.unavailable("cluster not reachable: " + oneLine(e));
        }
    }

    static DeploymentRollout rollout(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        int desired = deployment.getSpec() != null && deployment.getSpec().getReplicas() != null
                ? deployment.getSpec().getReplicas()
                : 1;
        DeploymentStatus status = deployment.getStatus() != null ? deployment.getStatus() : new DeploymentStatus();
        int updated = orZero(status.getUpdatedReplicas());
        int available = orZero(status.getAvailableReplicas());
        int total = orZero(status.getReplicas());
        Long generation = deployment.getMetadata().getGeneration();
        Long observed = status.getObservedGeneration();
        String reason = null;
        for (DeploymentCondition condition :
                status.getConditions() == null ? List.<DeploymentCondition>of() : status.getConditions()) {
            if ("Progressing".equals(condition.getType()) && "ProgressDeadlineExceeded".equals(condition.getReason())) {
                reason = "stuck: progress deadline exceeded";
            }
        }
        if (reason == null) {
            if (generation != null && observed != null && observed < generation) {
                reason = "waiting for the controller to observe generation " + generation;
            } else if (updated < desired) {
                reason = updated + " of " + desired + " replicas updated";
            } else if (total > updated) {
                reason = (total - updated) + " old replicas pending termination";
            } else if (available < updated) {
                reason = available + " of " + updated + " updated replicas available";
            }
        }
        return new DeploymentRollout(name, desired, updated, available, reason == null, reason);
    }

    /**
     * Restarts inside the window. A pod that started inside the window restarted only there; for an
     * older pod the status tells only the last termination, so a restart whose last termination
     * falls in the window counts once (a lower bound).
     */
    static PodRestarts restarts(Pod pod, Instant windowStart, Instant windowEnd) {
        int total = 0;
        int inWindow = 0;
        Instant started = parse(pod.getStatus() == null ? null : pod.getStatus().getStartTime());
        boolean startedInWindow = started != null && !started.isBefore(windowStart);
        List<ContainerStatus> statuses =
                pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                        ? List.of()
                        : pod.getStatus().getContainerStatuses();
        for (ContainerStatus status : statuses) {
            int count = orZero(status.getRestartCount());
            total += count;
            if (count == 0) {
                continue;
            }
            if (startedInWindow) {
                inWindow += count;
            } else if (status.getLastState() != null && status.getLastState().getTerminated() != null) {
                Instant finished = parse(status.getLastState().getTerminated().getFinishedAt());
                if (finished != null && !finished.isBefore(windowStart) && !finished.isAfter(windowEnd)) {
                    inWindow += 1;
                }
            }
        }
        return new PodRestarts(pod.getMetadata().getName(), inWindow, total);
    }

    static boolean ready(Pod pod) {
        if (pod.getStatus() == null) {
            return false;
        }
        if ("Succeeded".equals(pod.getStatus().getPhase())) {
            return true;
        }
        for (PodCondition condition : pod.getStatus().getConditions() == null
                ? List.<PodCondition>of()
                : pod.getStatus().getConditions()) {
            if ("Ready".equals(condition.getType())) {
                return "True".equals(condition.getStatus());
            }
        }
        return false;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static Instant parse(String time) {
        if (time == null || time.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
