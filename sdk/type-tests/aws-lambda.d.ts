// The `Context` of the `aws-lambda` types package, which the official SDK's handler type names
// but which is not installed here: without it that Context would be `any` and the check of an
// official handler on our runner would prove nothing. Members as the package declares them.
declare module "aws-lambda" {
  export interface CognitoIdentity {
    cognitoIdentityId: string;
    cognitoIdentityPoolId: string;
  }
  export interface ClientContext {
    client: { installationId: string; appTitle: string; appVersionName: string; appVersionCode: string; appPackageName: string };
    Custom?: any;
    env: { platformVersion: string; platform: string; make: string; model: string; locale: string };
  }
  export interface Context {
    callbackWaitsForEmptyEventLoop: boolean;
    functionName: string;
    functionVersion: string;
    invokedFunctionArn: string;
    memoryLimitInMB: string;
    awsRequestId: string;
    logGroupName: string;
    logStreamName: string;
    identity?: CognitoIdentity | undefined;
    clientContext?: ClientContext | undefined;
    tenantId?: string | undefined;
    getRemainingTimeInMillis(): number;
    done(error?: Error, result?: any): void;
    fail(error: Error | string): void;
    succeed(messageOrObject: any): void;
    succeed(message: string, object: any): void;
  }
}
