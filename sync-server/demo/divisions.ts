import type { BusinessKind, DivisionCode } from '../../shared/domain/enums';
import { fixedId } from './fixed-ids';

/** A row of the businesses table: the umbrella or one of its divisions. */
export type DemoBusiness = {
  id: string;
  kind: BusinessKind;
  code: 'GRP' | DivisionCode;
  name: string;
  parentId: string | null;
  address: string;
  phone: string;
  taxNumber: string;
  defaultCurrency: 'USD';
};

export type DemoDivision = DemoBusiness & {
  kind: 'DIVISION';
  code: DivisionCode;
  parentId: string;
};

export const DEMO_UMBRELLA: DemoBusiness = {
  id: fixedId('business', 1),
  kind: 'UMBRELLA',
  code: 'GRP',
  name: 'Zambezi Retail Group',
  parentId: null,
  address: 'Zambezi House, 61 Kwame Nkrumah Avenue, Harare',
  phone: '+263242700100',
  taxNumber: '2000145873',
  defaultCurrency: 'USD',
};

function division(
  n: number,
  code: DivisionCode,
  name: string,
  address: string,
  phone: string,
  taxNumber: string,
): DemoDivision {
  return {
    id: fixedId('business', n),
    kind: 'DIVISION',
    code,
    name,
    parentId: DEMO_UMBRELLA.id,
    address,
    phone,
    taxNumber,
    defaultCurrency: 'USD',
  };
}

// Phones are landlines in E.164: 242 is Harare's area code, 292 Bulawayo's. Tax numbers are
// ZIMRA business-partner numbers, one per registered division.
export const DEMO_DIVISIONS: readonly DemoDivision[] = [
  division(
    2,
    'GRO',
    'Zambezi Grocers',
    '45 Jason Moyo Avenue, Harare',
    '+263242751234',
    '2000145881',
  ),
  division(
    3,
    'RST',
    'Zambezi Eatery',
    '12 Samora Machel Avenue, Harare',
    '+263242708815',
    '2000145903',
  ),
  division(4, 'CLO', 'Zambezi Clothing', '88 Fife Street, Bulawayo', '+263292886420', '2000145911'),
  division(
    5,
    'HWR',
    'Zambezi Hardware',
    '17 Mutare Road, Msasa, Harare',
    '+263242486230',
    '2000145938',
  ),
  division(
    6,
    'CON',
    'Zambezi Construction Supplies',
    '3 Khami Road, Belmont, Bulawayo',
    '+263292471905',
    '2000145946',
  ),
];

export const DEMO_BUSINESSES: readonly DemoBusiness[] = [DEMO_UMBRELLA, ...DEMO_DIVISIONS];

export function demoDivision(code: DivisionCode): DemoDivision {
  const found = DEMO_DIVISIONS.find((d) => d.code === code);
  if (!found) throw new Error(`no demo division ${code}`);
  return found;
}
