//go:build tools

// Package tools pins the binaries of the local control plane (infra/k8s.sh builds them from
// these import paths with the versions in go.mod): the API server, controller manager and
// scheduler of Kubernetes, etcd, and kwok, which plays the nodes and runs the pods' lifecycles.
package tools

import (
	_ "go.etcd.io/etcd/server/v3"
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	_ "sigs.k8s.io/kwok/cmd/kwok"
)
