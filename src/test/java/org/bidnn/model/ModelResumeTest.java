package org.bidnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelResumeTest {

    private static final Architecture SAVED = new Architecture(3, 2, 6, 4, ActivationFunction.TANH, true, 0.2);
    private static final FeatureScaler SCALER = FeatureScaler.standard(new double[] {0, 1, 2, 3, 4},
            new double[] {1, 1, 1, 1, 1}, 1);

    private static TrainedModel saved() {
        return new TrainedModel(BiDNNNetwork.create(SAVED, new Optimizer(0.1, 0.9), 7), SCALER, 0.3);
    }

    @Test
    void keepsTheModelsParametersScalingAndWeightAndTakesTheCommandsTrainingSettings() throws Exception {
        TrainedModel before = saved();
        Architecture wanted = new Architecture(3, 2, 6, 4, ActivationFunction.TANH, true, 0.5);
        Optimizer optimizer = new Optimizer(0.01, 0.5);
        TrainedModel resumed = ModelResume.resume(before, "m.bidnn", wanted, optimizer);
        assertEquals(before.network().network().params(), resumed.network().network().params());
        assertSame(SCALER, resumed.scaler());
        assertEquals(0.3, resumed.modalityWeight());
        assertEquals(optimizer, resumed.network().optimizer());
        assertEquals(0.5, resumed.network().architecture().dropout());
    }

    @Test
    void refusesAModelOfAnotherShapeNamingBoth() {
        List<Architecture> others = List.of(
                new Architecture(4, 2, 6, 4, ActivationFunction.TANH, true, 0.2),
                new Architecture(3, 3, 6, 4, ActivationFunction.TANH, true, 0.2),
                new Architecture(3, 2, 7, 4, ActivationFunction.TANH, true, 0.2),
                new Architecture(3, 2, 6, 6, ActivationFunction.TANH, true, 0.2),
                new Architecture(3, 2, 6, 4, ActivationFunction.SIGMOID, true, 0.2),
                new Architecture(3, 2, 6, 4, ActivationFunction.TANH, false, 0.2));
        for (Architecture other : others) {
            ModelFile.ModelFileException e = assertThrows(ModelFile.ModelFileException.class,
                    () -> ModelResume.resume(saved(), "ckpt/m.bidnn", other, Optimizer.DEFAULT));
            assertEquals("ckpt/m.bidnn: the model is mod1size=3 mod2size=2 hdnsize=6 repsize=4 activation=tanh tied"
                    + " but the command line asks for " + ModelResume.describe(other), e.getMessage());
        }
    }
}
