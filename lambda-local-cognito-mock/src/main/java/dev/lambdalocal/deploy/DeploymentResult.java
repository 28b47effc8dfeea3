package dev.lambdalocal.deploy;

/**
 * What a deployment did and where the function stands afterwards.
 *
 * @param plan the plan that was carried out
 * @param functionArn the function's ARN
 * @param codeSha256 the base64 SHA-256 of its code, as Lambda reports it
 * @param memorySize its memory in MB, as Lambda reports it
 * @since 0.1.0
 */
public record DeploymentResult(
    DeploymentPlan plan, String functionArn, String codeSha256, int memorySize) {}
