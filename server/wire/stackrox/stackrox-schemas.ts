/**
 * The StackRox model lives with the StackRox provider, which reads Central through it;
 * this endpoint writes it. Re-exported so the endpoint's modules keep one import path.
 */
export * from '../../providers/stackrox/storage-image-model'
