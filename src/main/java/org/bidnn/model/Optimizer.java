package org.bidnn.model;

import java.io.Serializable;
import org.bidnn.io.BadInputException;

/** SGD with Nesterov momentum: {@code v = mu*v - lr*g; p += mu*v - lr*g}, as the original tool. */
public record Optimizer(double learningRate, double momentum) implements Serializable {

    public static final double DEFAULT_LEARNING_RATE = 0.1;
    public static final double DEFAULT_MOMENTUM = 0.9;
    public static final Optimizer DEFAULT = new Optimizer(DEFAULT_LEARNING_RATE, DEFAULT_MOMENTUM);

    public Optimizer {
        if (!ValueRules.isRate(learningRate)) {
            throw new BadInputException("learning rate must be a positive number, got " + learningRate);
        }
        if (!ValueRules.isProbability(momentum)) {
            throw new BadInputException("momentum must be " + ValueRules.BELOW_ONE + ", got " + momentum);
        }
    }
}
