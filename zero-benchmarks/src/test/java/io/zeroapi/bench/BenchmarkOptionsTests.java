package io.zeroapi.bench;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.zeroapi.bench.BenchmarkOptions.External;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchmarkOptionsTests {

    private static final List<Target> TARGETS = Targets.all(null, null);

    @Test
    void shouldNameAnExternalServerExternalByDefault() {
        BenchmarkOptions options = BenchmarkOptions.parse("--external", "tcp://10.0.0.5:5559");
        assertThat(options.externals()).containsExactly(new External("external", List.of("tcp://10.0.0.5:5559")));
    }

    @Test
    void shouldTakeANameAndSeveralAddressesForOneClient() {
        BenchmarkOptions options = BenchmarkOptions.parse("--external", "python=tcp://a:5559, b:5560");
        assertThat(options.externals()).containsExactly(new External("python", List.of("tcp://a:5559", "b:5560")));
    }

    @Test
    void shouldNumberRepeatedExternalServersWithoutNames() {
        BenchmarkOptions options = BenchmarkOptions.parse("--external", "a:1", "--external", "b:2");
        assertThat(options.externals()).extracting(External::id).containsExactly("external", "external-2");
    }

    @Test
    void shouldRefuseAMalformedExternalAddressSayingWhy() {
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--external", "tcp://host"))
            .withMessageContaining("--external tcp://host")
            .withMessageContaining("has no port");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--external", "Py=a:1"))
            .withMessageContaining("lower-case letters, digits and dashes");
    }

    @Test
    void shouldRefuseAnExternalNameThatIsATargetOrGivenTwice() {
        assertThatIllegalArgumentException().isThrownBy(() -> BenchmarkOptions.parse("--external", "zero=a:1"))
            .withMessageContaining("'zero' is the id of a target the benchmark starts");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> BenchmarkOptions.parse("--external", "py=a:1", "--external", "py=b:2"))
            .withMessageContaining("the name 'py' is given twice");
    }

    @Test
    void shouldRunOnlyTheExternalServerUnlessTargetsAreNamed() {
        Target external = Targets.external("external", List.of("tcp://a:1"), Targets.standardPatterns(), null);
        BenchmarkOptions alone = BenchmarkOptions.parse("--external", "a:1", "--patterns", "c1,w128");
        assertThat(selected(alone, external)).containsExactly("external/c1", "external/w128");
        BenchmarkOptions withZero = BenchmarkOptions.parse("--external", "a:1", "--targets", "zero,zero-x2",
                "--patterns", "w128");
        assertThat(selected(withZero, external)).containsExactly("zero/w128", "zero-x2/w128", "external/w128");
    }

    @Test
    void shouldRunEveryDefaultTargetWithoutFilters() {
        assertThat(selected(BenchmarkOptions.parse())).contains("raw/c1", "zero/w128", "zero-x2/w128",
                "zero-async/async128", "grpc-direct/s16");
    }

    @Test
    void shouldStartTwoZeroServersForZeroX2() {
        Target twoInstances = TARGETS.stream().filter(t -> t.id().equals("zero-x2")).findFirst().orElseThrow();
        assertThat(twoInstances.servers()).isInstanceOfSatisfying(Target.Servers.Started.class,
                started -> assertThat(started.instances()).isEqualTo(2));
        assertThat(twoInstances.patterns()).containsExactly(Pattern.W128);
    }

    private static List<String> selected(BenchmarkOptions options, Target... extra) {
        return Stream.concat(TARGETS.stream(), Arrays.stream(extra))
            .flatMap(target -> target.patterns().stream().map(pattern -> new Cell(target, pattern)))
            .filter(options::selects)
            .map(Cell::name)
            .toList();
    }

}
