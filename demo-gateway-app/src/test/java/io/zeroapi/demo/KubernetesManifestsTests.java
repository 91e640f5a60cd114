package io.zeroapi.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zeroapi.client.ZeroAddress;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The Kubernetes example in {@code deploy/kubernetes} (no cluster here): every file parses, each headless Service
 * selects its workload and maps its {@code zero} port to the container's {@code zero} port, which is the port the
 * Zero server is given, and the client lists every pod of the StatefulSet by its stable name.
 */
class KubernetesManifestsTests {

    private static final Path DIRECTORY = Path.of("..", "deploy", "kubernetes");

    @Test
    void shouldGiveEveryObjectAKindAndAName() throws IOException {
        for (String file : List.of("zero-service.yaml", "zero-service-statefulset.yaml", "zero-client.yaml")) {
            assertThat(load(file)).isNotEmpty().allSatisfy(object -> {
                assertThat(object).containsKeys("apiVersion", "kind");
                assertThat(map(object, "metadata")).containsKey("name");
            });
        }
    }

    @Test
    void shouldPublishTheDeploymentsZeroPortThroughAHeadlessService() throws IOException {
        assertZeroServiceFor(load("zero-service.yaml"), "Deployment");
    }

    @Test
    void shouldPublishTheStatefulSetsZeroPortThroughItsGoverningHeadlessService() throws IOException {
        List<Map<String, Object>> objects = load("zero-service-statefulset.yaml");
        assertZeroServiceFor(objects, "StatefulSet");
        assertThat(map(object(objects, "StatefulSet"), "spec")).containsEntry("serviceName",
                map(object(objects, "Service"), "metadata").get("name"));
    }

    @Test
    void shouldListEveryPodOfTheStatefulSetInTheClientsAddress() throws IOException {
        Map<String, Object> statefulSet = object(load("zero-service-statefulset.yaml"), "StatefulSet");
        String name = (String) map(statefulSet, "metadata").get("name");
        Map<String, Object> spec = map(statefulSet, "spec");
        int port = (Integer) port(map(object(load("zero-service-statefulset.yaml"), "Service"), "spec"), "zero")
            .get("port");
        List<String> expected = new ArrayList<>();
        for (int pod = 0; pod < (Integer) spec.get("replicas"); pod++) {
            expected.add("tcp://" + name + "-" + pod + "." + spec.get("serviceName") + ":" + port);
        }
        Map<String, Object> client = container(object(load("zero-client.yaml"), "Deployment"));
        String address = env(client, "ZERO_CLIENTS_BACKEND_ADDRESS");
        assertThatNoException().isThrownBy(() -> ZeroAddress.checkAll(address));
        assertThat(address.split(",")).containsExactlyElementsOf(expected);
    }

    private static void assertZeroServiceFor(List<Map<String, Object>> objects, String workloadKind) {
        Map<String, Object> service = map(object(objects, "Service"), "spec");
        Map<String, Object> workload = object(objects, workloadKind);
        Map<String, Object> template = map(map(workload, "spec"), "template");
        assertThat(service).containsEntry("clusterIP", "None");
        assertThat(map(template, "metadata").get("labels")).isEqualTo(service.get("selector"));
        assertThat(map(map(workload, "spec"), "selector").get("matchLabels")).isEqualTo(service.get("selector"));
        Map<String, Object> zero = port(service, "zero");
        assertThat(zero).containsEntry("targetPort", "zero").containsEntry("protocol", "TCP");
        Map<String, Object> container = container(workload);
        Object containerPort = port(container, "zero").get("containerPort");
        assertThat(containerPort).isEqualTo(zero.get("port"));
        assertThat(strings(container, "args")).contains("--zero.server.port=" + containerPort);
    }

    private static Map<String, Object> port(Map<String, Object> owner, String name) {
        return list(owner, "ports").stream().filter(port -> name.equals(port.get("name"))).findFirst()
            .orElseThrow(() -> new AssertionError("no port named " + name + " in " + owner));
    }

    private static Map<String, Object> container(Map<String, Object> workload) {
        List<Map<String, Object>> containers = list(map(map(map(workload, "spec"), "template"), "spec"), "containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static String env(Map<String, Object> container, String name) {
        return list(container, "env").stream().filter(variable -> name.equals(variable.get("name"))).findFirst()
            .map(variable -> (String) variable.get("value"))
            .orElseThrow(() -> new AssertionError("no variable " + name + " in " + container));
    }

    private static Map<String, Object> object(List<Map<String, Object>> objects, String kind) {
        List<Map<String, Object>> matching = objects.stream().filter(object -> kind.equals(object.get("kind")))
            .toList();
        assertThat(matching).as(kind).hasSize(1);
        return matching.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> owner, String key) {
        assertThat(owner).containsKey(key);
        return (Map<String, Object>) owner.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> owner, String key) {
        assertThat(owner).containsKey(key);
        return (List<Map<String, Object>>) owner.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> owner, String key) {
        assertThat(owner).containsKey(key);
        return (List<String>) owner.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> load(String file) throws IOException {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(DIRECTORY.resolve(file)))) {
            objects.add((Map<String, Object>) document);
        }
        return objects;
    }
}
