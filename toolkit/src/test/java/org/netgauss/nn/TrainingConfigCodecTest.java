package org.netgauss.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netgauss.study.Profile;
import org.netgauss.study.TrainConfigFile;
import org.yaml.snakeyaml.Yaml;

/**
 * A YAML config file and the JSON a run's manifest stores are one schema: the same fields give the same
 * {@link TrainingConfig}, and the same bad field gives the same one-line message, the source's name aside.
 */
class TrainingConfigCodecTest {
    private static final String YAML = """
            widths: [784, 32, 10]
            activation: tanh
            init: {scheme: orthogonal, gain: 1.5}
            optimizer: {type: sgd, lr: 0.05, momentum: 0.9, nesterov: true}
            batchSize: 128
            epochs: {smoke: 1, quick: 4, paper: 10}
            ensembleSize: 6
            members: {first: 2, count: 3}
            seed: 17
            scheduler: {factor: 0.5, patience: 3}
            data: {dataset: mnist}
            """;

    private static Map<String, Object> yaml(String text) {
        return new Yaml().load(text);
    }

    private static TrainingConfig fromFile(String text, Profile p) {
        return TrainConfigFile.parse("run.yaml", yaml(text), p).config();
    }

    @Test
    void theManifestFormOfAYamlConfigReadsBackToTheSameConfig() {
        TrainingConfig c = fromFile(YAML, Profile.QUICK);
        assertEquals(4, c.epochs());
        assertEquals(2, c.firstMember());
        assertEquals(3, c.memberCount());
        assertEquals(new Optimizer.Sgd(0.05, 0.9, 0, true, 0), c.optimizer());
        assertEquals("orthogonal(gain=1.5)", c.init().name());
        JsonObject manifest = TrainingConfigJson.toJson(c);
        TrainingConfig back = TrainingConfigCodec.fromJson("manifest.json", manifest);
        assertEquals(manifest, TrainingConfigJson.toJson(back));
        assertEquals(c.mlp(), back.mlp());
        assertEquals(c.scheduler(), back.scheduler());
        assertEquals(17, back.seed());
    }

    @Test
    void theSameBadFieldGivesTheSameMessageFromYamlAndFromJson() {
        String yamlBad = YAML.replace("lr: 0.05", "lr: fast");
        JsonObject json = TrainingConfigJson.toJson(fromFile(YAML, Profile.QUICK));
        json.getAsJsonObject("optimizer").addProperty("lr", "fast");
        var a = assertThrows(IllegalArgumentException.class, () -> fromFile(yamlBad, Profile.QUICK));
        var b = assertThrows(IllegalArgumentException.class, () -> TrainingConfigCodec.fromJson("manifest.json", json));
        assertEquals("run.yaml: optimizer.lr: expected a finite number, found 'fast'", a.getMessage());
        assertEquals("manifest.json: optimizer.lr: expected a finite number, found 'fast'", b.getMessage());
    }

    @Test
    void hostileJsonGivesOneLineNamingTheField() {
        JsonObject good = TrainingConfigJson.toJson(fromFile(YAML, Profile.QUICK));
        Map<String, String> cases = Map.of(
                "{\"widths\": [784, 10], \"epochs\": 2, \"colour\": 1}", "unknown field 'colour'",
                "{\"widths\": [784, -3], \"epochs\": 2}", "widths[1]: expected a positive integer, found -3",
                "{\"widths\": [784, 10], \"epochs\": 2.5}", "epochs: expected an integer, found 2.5",
                "{\"widths\": [784, 10], \"epochs\": {\"quick\": 2}}", "epochs: expected one integer",
                "{\"widths\": [784, 10]}", "epochs: expected a number of epochs",
                "{\"widths\": [784, 10], \"epochs\": 1, \"ensembleSize\": 4, \"firstMember\": 3, \"memberCount\": 2}",
                "members: expected a non-empty range inside [0, 4)",
                "{\"widths\": [784, 10], \"epochs\": 1, \"init\": \"weibull(k=2)\"}", "init: expected one of",
                "{\"widths\": [784, 10], \"epochs\": 1, \"scheduler\": {\"type\": \"cosine\"}}",
                "scheduler.type: expected one of reduce-lr-on-plateau, found 'cosine'");
        cases.forEach((text, expected) -> {
            JsonObject o = JsonParser.parseString(text).getAsJsonObject();
            var e = assertThrows(IllegalArgumentException.class, () -> TrainingConfigCodec.fromJson("job.json", o), text);
            assertEquals(true, e.getMessage().startsWith("job.json: "), e.getMessage());
            assertEquals(true, e.getMessage().contains(expected), e.getMessage() + " should say " + expected);
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        });
        good.addProperty("members", 3);
        var e = assertThrows(IllegalArgumentException.class, () -> TrainingConfigCodec.fromJson("job.json", good));
        assertEquals(true, e.getMessage().contains("one of members: {first, count} or firstMember"), e.getMessage());
    }

    @Test
    void theManifestsInitialisationNamesAndDefaultsAreRead() {
        JsonObject o = JsonParser.parseString("{\"widths\": [4, 3, 2], \"epochs\": 3, \"init\": \"gaussian(g=2.0)\","
                + " \"loss\": \"cross_entropy\"}").getAsJsonObject();
        TrainingConfig c = TrainingConfigCodec.fromJson("x", o);
        assertEquals("gaussian(g=2.0)", c.init().name());
        assertEquals(Optimizer.adam(1e-3), c.optimizer());
        assertEquals(100, c.batchSize());
        assertEquals(1, c.ensembleSize());
        assertEquals(Activation.RELU, c.mlp().activation());
        assertEquals(true, c.mlp().bias());
    }

    @Test
    void jsonNumbersBecomeLongsWhenIntegralAndDoublesOtherwise() {
        Object t = TrainingConfigCodec.tree(JsonParser.parseString("{\"a\": 3, \"b\": 3.0, \"c\": 1e-3, \"d\": [1, true,"
                + " \"x\", null]}"));
        assertEquals(Map.of("a", 3L, "b", 3.0, "c", 1e-3, "d", java.util.Arrays.asList(1L, true, "x", null)), t);
        assertEquals(List.of(1L), TrainingConfigCodec.tree(JsonParser.parseString("[1]")));
    }
}
