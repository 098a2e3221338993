import type { Transaction } from "../ports";
import type { PostState } from "../posts";

/** Personnel's assignment events → who holds a post where, from when to when (R10 checks tasks against it). */
export const applyPostState = (tx: Transaction, post: PostState) => tx.posts.apply(post);
