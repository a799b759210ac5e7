import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createMember, updateMember, type MemberCreateBody, type MemberUpdateBody } from '../api/registryApi';
import { registryKeys } from '../queryKeys';

export type SaveMemberRequest = { kind: 'create'; input: MemberCreateBody } | { kind: 'update'; id: string; input: MemberUpdateBody };

/** Adds or edits a member; either way the household (head, member count, checks) is read again. */
export function useSaveMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (request: SaveMemberRequest): Promise<void> => {
      if (request.kind === 'create') await createMember(request.input);
      else await updateMember(request.id, request.input);
    },
    meta: { handlesErrors: true },
    onSettled: () => queryClient.invalidateQueries({ queryKey: registryKeys.all }),
  });
}
