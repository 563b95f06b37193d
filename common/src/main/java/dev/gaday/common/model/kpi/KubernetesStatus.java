package dev.gaday.common.model.kpi;

import dev.gaday.common.model.Ranges;
import java.util.List;

/**
 * What the cluster said about the release. When no cluster was reachable, {@code available}
 * is false and {@code unavailableReason} says why; the lists are then empty.
 */
public record KubernetesStatus(
        boolean available,
        String namespace,
        String unavailableReason,
        List<DeploymentRollout> deployments,
        List<PodRestarts> restarts,
        List<String> podsNotReady) {
    public KubernetesStatus {
        deployments = deployments == null ? List.of() : List.copyOf(deployments);
        restarts = restarts == null ? List.of() : List.copyOf(restarts);
        podsNotReady = podsNotReady == null ? List.of() : List.copyOf(podsNotReady);
    }

    public static KubernetesStatus unavailable(String reason) {
        return new KubernetesStatus(false, null, reason, List.of(), List.of(), List.of());
    }

    public record DeploymentRollout(
            String name,
            int desiredReplicas,
            int updatedReplicas,
            int availableReplicas,
            boolean complete,
            String reason) {
        public DeploymentRollout {
            Ranges.nonNegative("desiredReplicas", desiredReplicas);
            Ranges.nonNegative("updatedReplicas", updatedReplicas);
            Ranges.nonNegative("availableReplicas", availableReplicas);
        }
    }

    /** Restarts of a pod's containers that happened inside the window. */
    public record PodRestarts(String pod, int restartsInWindow, int totalRestarts) {
        public PodRestarts {
            Ranges.nonNegative("restartsInWindow", restartsInWindow);
            Ranges.nonNegative("totalRestarts", totalRestarts);
        }
    }
}
