import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/parse';
import { blockRoles, isContact } from '../../src/core/aims/roles';

describe('roles: contact details', () => {
  it('reads short lines with an email address or a telephone number as contact details', () => {
    expect(isContact('Jo Bloggs, branch secretary, jo.bloggs@example.org')).toBe(true);
    expect(isContact('Tel 0161 496 0000')).toBe(true);
    expect(isContact('Email: branch@example.org')).toBe(true);
  });

  it('does not read prose as contact details, even with a number or an address in it', () => {
    expect(isContact('We met the regional director on three occasions over the summer.')).toBe(false);
    expect(isContact('The 2026 pay award is not yet settled.')).toBe(false);
    const long = `${'Members have told us repeatedly that the new rota leaves them too little time with their families and '.repeat(2)}they can be reached on 0161 496 0000.`;
    expect(isContact(long)).toBe(false);
    expect(isContact(long.replace('0161 496 0000', 'rep@example.org'))).toBe(false);
  });

  it('marks a closing run of contact lines as sign-off and contact lines in the body as contact', () => {
    const doc = parseDocument('Dear Chief Executive,\n\nWe oppose the closure of the Leeds office.\n\nFor further information please contact the branch office.\n\nYours sincerely,\n\nA. Officer\n\nTel 0113 496 0000\n');
    const roles = blockRoles(doc);
    expect(roles[0]).toBe('greeting');
    expect(roles[1]).toBe('body');
    expect(roles[2]).toBe('contact');
    expect(roles.slice(3)).toEqual(['signoff', 'signoff', 'signoff']);
  });
});

describe('roles: courtesy', () => {
  it('reads a closing offer of a meeting as courtesy, though it says "welcome" and "agree", but not a view', () => {
    const doc = parseDocument(
      'Dear Director,\n\nWe oppose the closure of the Leeds office.\n\nWe would welcome the meeting offered in your letter. Please contact the branch secretary to agree a time.\n\nWe would welcome a commitment that nobody will be made redundant.\n\nYours sincerely,\n\nBranch Secretary\n',
    );
    const roles = blockRoles(doc);
    expect(roles.slice(1, 4)).toEqual(['body', 'courtesy', 'body']);
  });
});
