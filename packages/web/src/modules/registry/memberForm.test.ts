import { describe, expect, it } from 'vitest';
import { memberCreateBody, memberFormValuesOf, memberUpdateFrom } from './memberForm';
import type { Member } from './types';

const member: Member = {
  id: 'm1',
  householdId: 'h1',
  name: '和光明',
  idNumber: '533423********1234',
  sex: 'male',
  birthDate: '1980-**-**',
  relation: 'head',
  labourCapacity: 'normal',
  health: 'healthy',
  disabilityGrade: null,
  schooling: 'junior_secondary',
  schoolingStatus: 'not_applicable',
  employmentStatus: 'employed',
  employmentPlace: 'in_county',
  skills: null,
  version: 3,
};

describe('member form', () => {
  it('clears hidden dependent fields and blank skills when creating', () => {
    const body = memberCreateBody('h1', {
      ...memberFormValuesOf(member),
      idNumber: ' 53342319800101123x ',
      health: 'chronic',
      disabilityGrade: 2,
      employmentStatus: 'farming',
      skills: '  ',
    });
    expect(body).toMatchObject({ householdId: 'h1', idNumber: '53342319800101123X', disabilityGrade: null, employmentPlace: null, skills: null });
  });

  it('sends only the version when nothing changed and the ID field was left blank', () => {
    expect(memberUpdateFrom(member, memberFormValuesOf(member))).toEqual({ version: 3 });
  });

  it('sends changed fields, the dependent field cleared, and a newly typed ID', () => {
    const input = memberUpdateFrom(member, {
      ...memberFormValuesOf(member),
      name: ' 和光辉 ',
      employmentStatus: 'public_welfare_post',
      idNumber: '533423198001011234',
    });
    expect(input).toEqual({
      version: 3,
      name: '和光辉',
      employmentStatus: 'public_welfare_post',
      employmentPlace: null,
      idNumber: '533423198001011234',
    });
  });
});
