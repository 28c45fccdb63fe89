// Pinned versions of the Kubernetes manifest tools (installed under .infra/ on first use).
export const KUSTOMIZE_MODULE = 'sigs.k8s.io/kustomize/kustomize/v5';
export const KUSTOMIZE_VERSION = 'v5.7.1';
export const KUBECONFORM_MODULE = 'github.com/yannh/kubeconform';
export const KUBECONFORM_VERSION = 'v0.7.0';

/**
 * Kubernetes JSON schemas come from the PyPI package kubernetes-validate, which bundles them per
 * Kubernetes version (GitHub, kubeconform's usual source, is out of reach here).
 */
export const KUBERNETES_VALIDATE_VERSION = '1.37.0';
/** The Kubernetes API version the manifests are validated against (oldest cluster we target). */
export const KUBERNETES_VERSION = '1.33.0';
